package io.amdim4j.bench;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DataConfig;
import io.amdim4j.data.DatasetFormat;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.loss.MixtureConfig;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.train.OptimConfig;
import io.amdim4j.train.TrainConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code amdim bench train-step} times: full pre-training updates of one encoder on synthetic
 * views.
 *
 * @param encoder the encoder (input size, widths, depth)
 * @param batch N, pairs per update
 * @param steps timed updates
 * @param warmup untimed updates first (allocator and kernel caches warm up)
 * @param precision arithmetic and input layout of the encoder's passes
 * @param numClasses classes of the online probes
 * @param seed seed of the weights and the synthetic views
 * @param busyNeighbour keep one core busy with a spinning thread during the warm-up and timed updates
 *     ({@link BusyNeighbour}), to measure an update on a machine that is not idle
 * @param device where the model's arrays live
 * @param adaptiveThreads let a {@link io.amdim4j.runtime.ThreadGovernor} choose the engine's threads by timing
 *     the updates (warm-up and timed ones alike), as {@code pretrain --engine-threads auto} does
 */
public record TrainStepBenchConfig(
        EncoderConfig encoder, int batch, int steps, int warmup, PrecisionConfig precision, int numClasses, long seed,
        boolean busyNeighbour, ComputeDevice device, boolean adaptiveThreads) {

    /** Classes of the online probes: CIFAR-10's. */
    public static final int CLASSES = 10;

    /** The dataset the timed configuration names; the views are synthetic, so it is never opened. */
    private static final DatasetSpec SYNTHETIC_VIEWS = new DatasetSpec(DatasetFormat.FOLDER, Path.of("synthetic-views"));

    public TrainStepBenchConfig {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(device, "device");
        if (batch < 2) {
            throw new IllegalArgumentException("batch must be >= 2: NCE needs negatives (spec §3.2), got " + batch);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be >= 2, got " + numClasses);
        }
    }

    /** Floating-point operations of one update ({@link StepFlops}). */
    public long flopsPerUpdate() {
        return StepFlops.perUpdate(encoder, batch, numClasses);
    }

    /**
     * The pre-training configuration whose step is timed: spec defaults for everything the step
     * reads (NCE clip and regulariser, Adam), no mixtures. The dataset is never opened.
     */
    TrainConfig trainConfig() {
        AugmentConfig augment = AugmentConfig.forFamily(encoder.inputSize(), encoder.numChannels());
        int epochs = 1;
        return new TrainConfig(DataConfig.defaults(SYNTHETIC_VIEWS, seed), encoder, augment,
                NceConfig.defaults(), MixtureConfig.defaults(), OptimConfig.forEpochs(epochs), epochs,
                warmup + steps, batch, 1, 0, 2, false, 1, precision, 1, device);
    }
}
