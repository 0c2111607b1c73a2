package io.amdim4j.runtime;

import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.dist.SingleProcess;
import java.util.Objects;

/**
 * A runtime as asked for ({@code --device}, {@code --precision}, {@code --memory-format},
 * {@code --engine-threads}), before it meets the hardware; {@link #resolve} is the one place it does.
 *
 * @param device where the model's arrays should live
 * @param precision fp32, bf16 or auto
 * @param memoryFormat contiguous, channels_last or auto
 * @param engineThreads fixed, or chosen by a governor
 */
public record RuntimeRequest(ComputeDevice device, Precision precision, MemoryFormat memoryFormat,
        EngineThreadPolicy engineThreads) {

    /** The defaults: the CPU, precision and layout chosen from its flags, fixed threads. */
    public static final RuntimeRequest DEFAULT = new RuntimeRequest(ComputeDevice.CPU, Precision.AUTO,
            MemoryFormat.AUTO, EngineThreadPolicy.FIXED);

    /**
     * Refuses missing parts.
     *
     * @param device where the model's arrays should live
     * @param precision fp32, bf16 or auto
     * @param memoryFormat contiguous, channels_last or auto
     * @param engineThreads fixed or auto
     */
    public RuntimeRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(memoryFormat, "memory format");
        Objects.requireNonNull(engineThreads, "engine threads");
    }

    /**
     * Resolves the request for one process on this machine's CPU ({@link CpuFacts#detect()}).
     *
     * @return the runtime
     * @throws IllegalArgumentException as {@link #resolve(CpuFacts, ProcessGroup)}
     */
    public Runtime resolve() {
        return resolve(CpuFacts.detect(), SingleProcess.INSTANCE);
    }

    /**
     * Resolves the request on a CPU with the given facts. On the CPU, {@code auto} follows the flags
     * ({@link PrecisionConfig#resolve}); on a GPU, where PyTorch's CPU autocast would not act, it is
     * fp32 and bf16 is refused.
     *
     * @param cpu the CPU's flags
     * @param group the processes training together
     * @return the runtime
     * @throws IllegalArgumentException for bf16 on a GPU or on a CPU without native bfloat16
     */
    public Runtime resolve(CpuFacts cpu, ProcessGroup group) {
        Runtime.requireSupported(device, precision);
        PrecisionConfig resolved = PrecisionConfig.resolve(precision, memoryFormat, device.isGpu() ? CpuFacts.of() : cpu);
        return new Runtime(device, resolved, engineThreads, group);
    }
}
