package io.amdim4j.pipeline;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.EpochShard;
import io.amdim4j.data.EpochShuffle;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.SeedStreams;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The two loaders of pre-training, built one way for every caller (the training loop, the periodic
 * test, {@code amdim bench data}):
 *
 * <ul>
 *   <li>{@link #training}: two augmented views per image, a fresh shuffle each epoch, the last
 *       partial batch dropped (spec §5.1, §7 "batch");</li>
 *   <li>{@link #testing}: one test view per image in dataset order, the last partial batch kept, so
 *       every image is scored exactly once (spec §5.5, §6.2).</li>
 * </ul>
 *
 * <p>Randomness (spec §7 "seeding"): the master seed is split by purpose; the shuffle of epoch e
 * comes from {@value #SHUFFLE_PURPOSE} and the augmentation draws of image i in epoch e from
 * {@value #AUGMENT_PURPOSE}, each a pure function of (seed, epoch, index). Batches therefore do not
 * depend on the loader thread count, and resuming at batch k of an epoch reproduces its tail.
 */
public final class PretrainBatches {

    /** Purpose name of the per-sample augmentation streams. */
    static final String AUGMENT_PURPOSE = "augment";
    /** Purpose name of the epoch shuffles. */
    static final String SHUFFLE_PURPOSE = "shuffle";
    /**
     * Batches assembled ahead per loader thread: one being built, one waiting, so a worker never
     * idles while the training thread consumes. Bounds host memory to 2·threads batches.
     */
    static final int PREFETCH_PER_THREAD = 2;

    /** The test transform draws nothing; a draw would break the fixed test order's determinism. */
    private static final RandomGenerator NO_DRAWS = () -> {
        throw new IllegalStateException("the test transform must not draw random numbers");
    };

    private PretrainBatches() {
    }

    /** The shuffled, two-view, drop-last loader of self-supervised training. */
    public static BatchLoader training(ImageDataset dataset, AugmentConfig augment, SeedStreams master,
            int batchSize, int threads) {
        return training(dataset, augment, master, batchSize, threads, EpochShard.WHOLE);
    }

    /**
     * One process's loader in data-parallel training: its {@link EpochShard} of each epoch's shuffled
     * order, in batches of {@code batchSize}. An image's augmentation draws stay a function of (seed,
     * epoch, image), whichever process trains on it, so P processes of batch B see exactly the views
     * that one process of batch P·B sees.
     */
    public static BatchLoader training(ImageDataset dataset, AugmentConfig augment, SeedStreams master,
            int batchSize, int threads, EpochShard shard) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(augment, "augment");
        Objects.requireNonNull(master, "master seed");
        SeedStreams draws = master.derive(AUGMENT_PURPOSE);
        EpochShuffle shuffle = new EpochShuffle(master.derive(SHUFFLE_PURPOSE));
        int size = requireFullBatch(dataset, batchSize, shard.processes());
        return new BatchLoader(dataset, AugmentedViews.pretraining(augment), draws::forSample,
                epoch -> shard.of(shuffle.order(epoch, size), batchSize), shard.length(size, batchSize), batchSize,
                true, threads, prefetch(threads));
    }

    /**
     * The shuffled, one-view, drop-last loader of supervised fine-tuning: the training augmentation
     * of {@code augment}'s family, every draw from (seed, epoch, index) as in pre-training.
     */
    public static BatchLoader fineTuning(ImageDataset dataset, AugmentConfig augment, SeedStreams master,
            int batchSize, int threads) {
        SeedStreams draws = master.derive(AUGMENT_PURPOSE);
        EpochShuffle shuffle = new EpochShuffle(master.derive(SHUFFLE_PURPOSE));
        int size = requireFullBatch(dataset, batchSize, 1);
        return new BatchLoader(dataset, AugmentedViews.fineTuning(augment), draws::forSample,
                epoch -> shuffle.order(epoch, size), batchSize, true, threads, prefetch(threads));
    }

    /** The fixed-order, one-view loader that visits every image of {@code dataset} exactly once. */
    public static BatchLoader testing(ImageDataset dataset, AugmentConfig augment, int batchSize, int threads) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(augment, "augment");
        int size = dataset.size();
        return new BatchLoader(dataset, AugmentedViews.testing(augment), (epoch, index) -> NO_DRAWS,
                epoch -> identity(size), batchSize, false, threads, prefetch(threads));
    }

    /** The dataset's size, checked to fill one batch on every process: training drops the last partial batch. */
    private static int requireFullBatch(ImageDataset dataset, int batchSize, int processes) {
        int size = dataset.size();
        if (size < (long) batchSize * processes) {
            throw new IllegalArgumentException("batch size " + batchSize
                    + (processes > 1 ? " × " + processes + " processes" : "") + " exceeds the " + size
                    + " images of " + dataset.describe() + "; training drops the last partial batch");
        }
        return size;
    }

    private static int prefetch(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("loader threads must be >= 1, got " + threads);
        }
        return PREFETCH_PER_THREAD * threads;
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }
}
