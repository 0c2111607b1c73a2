package io.amdim4j.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.amdim4j.data.EpochShuffle;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.SeedStreams;
import io.amdim4j.data.Subset;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.pipeline.HostBatch;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

/**
 * BN re-estimation before testing (spec §6.2, design decision): forward K batches of
 * <em>training</em> images under the test transform in training mode, without gradients, so
 * every BN layer replaces its running statistics with statistics of those batches; afterwards the
 * block is used in inference mode. Never call it with test images (spec §9 #9).
 *
 * <p>Each BN updates with its own momentum: AmdimBatchNorm keeps 0.9 of the old value (PyTorch
 * momentum 0.1, spec §2.2) and uses the unbiased batch variance, so after the default 50 batches
 * 1 − 0.9^50 ≈ 99.5% of each statistic comes from them. Training mode also enables any dropout,
 * as the reference's {@code model.train()} does. Only running statistics change: no gradient is
 * recorded and no optimiser runs.
 */
public final class BatchNormReestimator {

    /** Purpose name of the stream that draws the re-estimation images. */
    static final String SAMPLE_PURPOSE = "bn-reestimation";

    /** Batches the reference uses (spec §6.2). */
    static final int REFERENCE_BATCHES = 50;

    /** A BN in training mode needs at least two values per channel for its unbiased variance. */
    static final int MIN_BATCH = 2;

    private final int batches;
    private final PrecisionConfig precision;

    /** Re-estimation over {@link #REFERENCE_BATCHES} batches. */
    BatchNormReestimator() {
        this(REFERENCE_BATCHES);
    }

    /**
     * Re-estimation over K batches.
     *
     * @param batches K ≥ 1
     */
    public BatchNormReestimator(int batches) {
        this(batches, PrecisionConfig.fp32());
    }

    /**
     * Re-estimation over K batches, with the encoder computing as it will when features are
     * extracted, so the statistics describe the activations they will normalise.
     *
     * @param batches K ≥ 1
     * @param precision arithmetic and input layout of the passes
     */
    BatchNormReestimator(int batches, PrecisionConfig precision) {
        if (batches < 1) {
            throw new IllegalArgumentException("BN re-estimation needs at least 1 batch, got " + batches);
        }
        this.batches = batches;
        this.precision = Objects.requireNonNull(precision, "precision");
    }

    /**
     * K.
     *
     * @return the number of batches used per re-estimation
     */
    int batches() {
        return batches;
    }

    /**
     * Runs up to K training batches (view 0) through the block in training mode. Batches of fewer
     * than two images are skipped. Stops early when the iterator ends.
     *
     * @param block the encoder (or any block whose input is view 0)
     * @param manager parent of the per-batch managers
     * @param trainingBatches training images under the test transform
     * @return the number of batches used
     */
    public int reestimate(Block block, NDManager manager, Iterator<HostBatch> trainingBatches) {
        ParameterStore store = new ParameterStore(manager, false);
        int used = 0;
        while (used < batches && trainingBatches.hasNext()) {
            HostBatch batch = trainingBatches.next();
            if (batch.size() < MIN_BATCH) {
                continue;
            }
            try (NDManager step = manager.newSubManager()) {
                // no GradientCollector is open, so the engine records no graph
                precision.forward(block, store, FeatureExtractor.firstView(batch, step, precision), true);
            }
            used++;
        }
        if (used == 0) {
            throw new IllegalArgumentException(
                    "BN re-estimation got no training batch of at least " + MIN_BATCH + " images");
        }
        return used;
    }

    /**
     * The training images a re-estimation sees: up to {@code images} of them in a seeded order
     * drawn from the whole split, so a split stored class by class still gives batches of every
     * class. The online test (a new draw each epoch) and {@code amdim eval} both use it.
     *
     * @param train the training split
     * @param images how many images at most
     * @param seeds the run's or evaluation's master streams
     * @param draw which draw (the epoch for the online test)
     * @return the sample, in the drawn order
     */
    public static ImageDataset trainingSample(ImageDataset train, long images, SeedStreams seeds, int draw) {
        int count = (int) Math.min(train.size(), images);
        int[] order = new EpochShuffle(seeds.derive(SAMPLE_PURPOSE)).order(draw, train.size());
        return new Subset(train, Arrays.copyOf(order, count), "BN re-estimation sample of " + train.describe());
    }
}
