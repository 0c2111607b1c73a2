package io.amdim4j.dist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The processes that train one model together, numbered 0 (the leader, which alone writes the run's
 * files) to {@code size() - 1}. Every collective must be called by every process in the same order.
 * Buffers are direct, so MPI reads and writes them where they are (a gradient's own memory).
 */
public interface ProcessGroup extends AutoCloseable {

    /**
     * Variables that MPICH's launcher (hydra's {@code mpiexec}) or Slurm's PMI set for each process
     * it starts; any of them means "this process is one rank of an MPI job".
     */
    List<String> MPI_VARIABLES = List.of("PMI_RANK", "PMI_SIZE", "PMI_FD", "PMI_PORT");

    /** Set by Open MPI's {@code mpirun}, whose processes cannot join an MPICH job. */
    String OPEN_MPI_VARIABLE = "OMPI_COMM_WORLD_SIZE";

    /**
     * Names another MPICH-compatible library to load instead of {@code libmpich.so} (a path, or a name such
     * as {@code mpi} for Intel MPI or Cray MPICH, which share MPICH's ABI).
     */
    String LIBRARY_VARIABLE = "AMDIM_MPI_LIBRARY";

    /** Bytes per broadcast call: MPI counts are ints, so a checkpoint goes out in pieces. */
    int BROADCAST_CHUNK = 1 << 30;

    /**
     * This process's number.
     *
     * @return 0 to {@code size() - 1}
     */
    int rank();

    /**
     * Processes in the group.
     *
     * @return at least 1
     */
    int size();

    /**
     * Whether this is rank 0, the process that writes the run's files.
     *
     * @return {@code rank() == 0}
     */
    default boolean isLeader() {
        return rank() == 0;
    }

    /**
     * Sums {@code count} floats over all processes, in place.
     *
     * @param floats a direct buffer in native byte order holding at least {@code count} floats from index 0
     * @param count floats to sum
     */
    void allReduceSum(ByteBuffer floats, int count);

    /**
     * Sums each value over all processes, in place (a handful of numbers: losses, flags).
     *
     * @param values this process's values, replaced by the sums
     */
    void allReduceSum(double[] values);

    /**
     * Whether any process says yes: a decision one process takes alone (its clock passed the time budget)
     * must be taken by all, or the others would wait for it in their next collective.
     *
     * @param mine this process's answer
     * @return whether any process answered yes, the same on every process
     */
    default boolean any(boolean mine) {
        if (size() == 1) {
            return mine;
        }
        double[] votes = {mine ? 1 : 0};
        allReduceSum(votes);
        return votes[0] > 0;
    }

    /**
     * Copies rank 0's first {@code count} bytes of {@code bytes} into every other process's buffer.
     *
     * @param bytes a direct buffer
     * @param count bytes to copy, from index 0
     */
    void broadcast(ByteBuffer bytes, int count);

    /**
     * Rank 0's byte array, of any length, on every process.
     *
     * @param fromLeader the data on rank 0; ignored (may be null) elsewhere
     * @return a copy of rank 0's data
     */
    default byte[] broadcast(byte[] fromLeader) {
        if (size() == 1) {
            return fromLeader.clone();
        }
        ByteBuffer length = ByteBuffer.allocateDirect(Long.BYTES).order(ByteOrder.nativeOrder());
        length.putLong(0, isLeader() ? fromLeader.length : 0);
        broadcast(length, Long.BYTES);
        byte[] out = new byte[Math.toIntExact(length.getLong(0))];
        ByteBuffer chunk = ByteBuffer.allocateDirect(Math.max(1, Math.min(out.length, BROADCAST_CHUNK)));
        for (int from = 0; from < out.length; from += chunk.capacity()) {
            int n = Math.min(chunk.capacity(), out.length - from);
            if (isLeader()) {
                chunk.clear();
                chunk.put(fromLeader, from, n);
            }
            broadcast(chunk, n);
            chunk.get(0, out, from, n);
        }
        return out;
    }

    /** Waits until every process has called it. */
    void barrier();

    /**
     * Ends every process of the group (after this one has reported why): without it, the others would
     * wait for this one in their next collective.
     *
     * @param exitCode the exit status of every process
     */
    void abort(int exitCode);

    /** Leaves the group; the last call to the MPI library in this process. */
    @Override
    void close();

    /**
     * The group this process belongs to: an {@link MpiWorld} when {@code environment} holds one of
     * {@link #MPI_VARIABLES}, otherwise a single process that never touches an MPI library.
     *
     * @param environment the process's environment ({@code System.getenv()})
     * @return the group, joined
     *
     * @throws IllegalStateException for Open MPI's launcher, or when libmpich cannot be loaded
     */
    static ProcessGroup fromEnvironment(Map<String, String> environment) {
        if (environment.containsKey(OPEN_MPI_VARIABLE)) {
            throw new IllegalStateException(OPEN_MPI_VARIABLE + " is set: this process was started by Open MPI's "
                    + "mpirun, but amdim4j calls MPICH's libmpich; start it with MPICH's mpiexec "
                    + "(apt-get install mpich libmpich-dev)");
        }
        List<String> set = MPI_VARIABLES.stream().filter(environment::containsKey)
                .map(v -> v + "=" + environment.get(v)).toList();
        return set.isEmpty() ? SingleProcess.INSTANCE
                : MpiWorld.join(environment.getOrDefault(LIBRARY_VARIABLE, Mpi.LIBRARY), String.join(" ", set));
    }
}
