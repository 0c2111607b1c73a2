/**
 * How the engine runs on this hardware, decided once: a {@link io.amdim4j.runtime.RuntimeRequest}
 * ({@code --device}, {@code --precision}, {@code --memory-format}, {@code --engine-threads}) meets the
 * CPU's {@link io.amdim4j.runtime.CpuFacts} in one place and becomes a {@link io.amdim4j.runtime.Runtime}:
 * the device, the resolved precision and memory format, the engine-thread policy and the process group.
 * Every command and the API resolve theirs the same way, and a recorded run (a resume) is checked by the
 * same rule. Also here: PyTorch's CPU autocast through JNA ({@code Autocast}), the one seeding of the
 * engine ({@code EngineSeed}), its threads ({@code EngineThreads}, {@code ThreadGovernor}), its log
 * threshold, glibc's allocator settings, and {@code DeviceInput}, where host batches become engine
 * arrays. Imports DJL, JNA, {@code dist} and {@code run}; {@code model}, {@code train}, {@code pipeline}
 * and the packages above them import it, never the reverse.
 *
 * <p>API: {@link io.amdim4j.runtime.Runtime}, {@link io.amdim4j.runtime.RuntimeRequest},
 * {@link io.amdim4j.runtime.CpuFacts}, {@link io.amdim4j.runtime.EngineThreadPolicy},
 * {@link io.amdim4j.runtime.Precision}, {@link io.amdim4j.runtime.PrecisionConfig},
 * {@link io.amdim4j.runtime.MemoryFormat} and {@link io.amdim4j.runtime.ComputeDevice}. The other public
 * types are internal: public only because another amdim4j package calls them, and they may change without
 * notice.
 */
package io.amdim4j.runtime;
