package io.amdim4j.runtime;

import ai.djl.ndarray.NDManager;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.dist.SingleProcess;
import java.util.Objects;

/**
 * How the engine runs on this hardware, decided once: where the arrays live, how the encoder's passes
 * compute, who sets the engine's threads, and the processes that train together. Every command and the
 * API get theirs from {@link RuntimeRequest#resolve}, or, for a run whose configuration is recorded (a
 * resumed run, a {@code TrainConfig} built in Java), from this constructor: both apply the same rule, so
 * a combination refused on the command line is refused on resume too.
 *
 * <p>Note the name: inside a file that imports it, {@code java.lang.Runtime} must be written out in full.
 *
 * @param device where the model's arrays live
 * @param precision resolved precision and memory format
 * @param engineThreads fixed threads, or a {@link ThreadGovernor}
 * @param group the processes of a data-parallel run ({@link SingleProcess#INSTANCE} alone)
 */
public record Runtime(ComputeDevice device, PrecisionConfig precision, EngineThreadPolicy engineThreads,
        ProcessGroup group) {

    /**
     * Checks that the parts can run together.
     *
     * @param device where the model's arrays live
     * @param precision resolved precision and memory format
     * @param engineThreads fixed threads, or a governor
     * @param group the processes training together
     * @throws IllegalArgumentException for bf16 on a GPU
     */
    public Runtime {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(engineThreads, "engine threads");
        Objects.requireNonNull(group, "process group");
        requireSupported(device, precision.precision());
    }

    /**
     * A single process with fixed engine threads.
     *
     * @param device where the model's arrays live
     * @param precision resolved precision and memory format
     * @return the runtime
     * @throws IllegalArgumentException for bf16 on a GPU
     */
    public static Runtime of(ComputeDevice device, PrecisionConfig precision) {
        return new Runtime(device, precision, EngineThreadPolicy.FIXED, SingleProcess.INSTANCE);
    }

    /**
     * The device × precision rule: bf16 is PyTorch's CPU autocast, which does nothing to arrays on a
     * GPU, so a bf16 run there would silently be an fp32 run recorded as bf16.
     *
     * @param device where the arrays live
     * @param precision requested or resolved precision
     * @throws IllegalArgumentException for bf16 on a GPU
     */
    static void requireSupported(ComputeDevice device, Precision precision) {
        if (device.isGpu() && precision == Precision.BF16) {
            throw new IllegalArgumentException("--precision bf16 is PyTorch's CPU autocast and would not act on "
                    + "--device " + device + "; use --precision fp32 or auto there");
        }
    }

    /**
     * This runtime, if the engine sees its device; loads the engine only for a GPU.
     *
     * @return this runtime
     * @throws IllegalArgumentException if the engine does not see the GPU
     */
    public Runtime requireVisible() {
        device.requireVisible();
        return this;
    }

    /**
     * A root manager on this runtime's device; the caller closes it.
     *
     * @return a new base manager
     * @throws IllegalArgumentException if the engine does not see the GPU
     */
    public NDManager newBaseManager() {
        return device.newBaseManager();
    }

    /**
     * Whether a {@link ThreadGovernor} chooses the engine's threads.
     *
     * @return true under {@link EngineThreadPolicy#AUTO}
     */
    public boolean adaptiveThreads() {
        return engineThreads == EngineThreadPolicy.AUTO;
    }
}
