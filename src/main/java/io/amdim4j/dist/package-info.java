/**
 * Data-parallel training across processes: the group of cooperating processes ({@link io.amdim4j.dist.ProcessGroup}),
 * its MPI implementation ({@link io.amdim4j.dist.MpiWorld}, MPICH's C library called through JNA, so nothing
 * native is compiled), the bucketed gradient average ({@link io.amdim4j.dist.GradientAllReduce}) and the
 * check that every process holds the same bytes ({@link io.amdim4j.dist.ReplicaAgreement}).
 *
 * <p>A layer-0 package: it imports the JDK and JNA only and knows nothing of the engine; callers hand it
 * direct buffers (a gradient's own memory, through DJL's {@code toByteBuffer(true)}).
 *
 * <p>API: {@link io.amdim4j.dist.ProcessGroup} and {@link io.amdim4j.dist.SingleProcess}. The other public
 * types are internal: public only because another amdim4j package calls them, and they may change without
 * notice.
 */
package io.amdim4j.dist;
