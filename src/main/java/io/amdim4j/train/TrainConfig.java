package io.amdim4j.train;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DataConfig;
import io.amdim4j.loss.MixtureConfig;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.run.RunSettings;
import java.util.List;
import java.util.Objects;

/**
 * Everything that determines a pre-training run (spec §7), written to {@code config.json} before
 * the first update and embedded in every checkpoint; resume refuses a different one.
 *
 * @param data dataset, splits and the master seed (every random stream is derived from it)
 * @param encoder encoder hyper-parameters (§2)
 * @param augment augmentation family (§5)
 * @param nce clip bound and score-regulariser weight (§3)
 * @param mixture mixture-based representations (§4), off by default
 * @param optim Adam, warm-up and step decay (§7)
 * @param epochs epochs of the run (the schedule's milestones refer to them)
 * @param maxSteps stop after this many updates in total; 0 for no limit
 * @param batchSize N, images per update (two views each)
 * @param loaderThreads threads assembling batches
 * @param checkpointEvery also checkpoint every this many updates; 0 for epoch ends only
 * @param keepCheckpoints checkpoints kept on disk, newest first (at least 2, so a damaged newest one has a fallback)
 * @param testEachEpoch test the online probes at every epoch end
 * @param bnBatches batches of training images used to re-estimate batch-norm statistics before a test (§6.2)
 * @param precision arithmetic and input layout of the encoder's passes, as asked for and as resolved;
 *     {@code null} (a config.json written before the option existed) means float32
 * @param worldSize processes training together (MPI ranks), each on its own {@code batchSize} images, so an
 *     update sees {@code worldSize × batchSize}; 0 (a config.json written before the field existed) means 1
 * @param device where the model's arrays live; {@code null} (a config.json written before the option
 *     existed) means the CPU. A resumed run may move to another device: the checkpoint's weights are
 *     host data and load onto any
 */
public record TrainConfig(
        DataConfig data,
        EncoderConfig encoder,
        AugmentConfig augment,
        NceConfig nce,
        MixtureConfig mixture,
        OptimConfig optim,
        int epochs,
        long maxSteps,
        int batchSize,
        int loaderThreads,
        int checkpointEvery,
        int keepCheckpoints,
        boolean testEachEpoch,
        int bnBatches,
        PrecisionConfig precision,
        int worldSize,
        ComputeDevice device) implements RunSettings {

    /** Code default of the reference; the authors recommend 480 (spec §7). */
    public static final int BATCH_SIZE = 200;

    /** Batches used to re-estimate batch-norm statistics before a test (spec §6.2). */
    public static final int BN_BATCHES = 50;

    /**
     * Checks each setting and that the augmentation makes the encoder's input, naming the option.
     *
     * @param data required
     * @param encoder required
     * @param augment required; its size and channels equal the encoder's
     * @param nce required
     * @param mixture required
     * @param optim required
     * @param epochs at least 1
     * @param maxSteps at least 0
     * @param batchSize at least 2
     * @param loaderThreads at least 1
     * @param checkpointEvery at least 0
     * @param keepCheckpoints at least 2
     * @param testEachEpoch whether to test each epoch
     * @param bnBatches at least 1
     * @param precision may be null, meaning float32
     * @param worldSize at least 1; 0 means 1
     * @param device may be null, meaning the CPU
     * @throws NullPointerException naming a missing part
     * @throws IllegalArgumentException naming the first setting out of range or the size or channel mismatch
     */
    public TrainConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(augment, "augment");
        Objects.requireNonNull(nce, "nce");
        Objects.requireNonNull(mixture, "mixture");
        Objects.requireNonNull(optim, "optim");
        precision = precision == null ? PrecisionConfig.fp32() : precision;
        worldSize = worldSize == 0 ? 1 : worldSize;
        if (worldSize < 1) {
            throw new IllegalArgumentException("world size must be >= 1, got " + worldSize);
        }
        device = device == null ? ComputeDevice.CPU : device;
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("steps must be >= 0 (0 = no limit), got " + maxSteps);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batch size must be >= 2: NCE needs negatives (spec §3.2), got " + batchSize);
        }
        if (loaderThreads < 1) {
            throw new IllegalArgumentException("loader threads must be >= 1, got " + loaderThreads);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        if (keepCheckpoints < 2) {
            throw new IllegalArgumentException("keep-checkpoints must be >= 2 so a damaged checkpoint has a fallback, got "
                    + keepCheckpoints);
        }
        if (bnBatches < 1) {
            throw new IllegalArgumentException("bn-batches must be >= 1, got " + bnBatches);
        }
        if (augment.size() != encoder.inputSize()) {
            throw new IllegalArgumentException("augmentation '" + augment.name() + "' makes " + augment.size()
                    + " px views but the encoder's input size is " + encoder.inputSize());
        }
        if (augment.channels() != encoder.numChannels()) {
            throw new IllegalArgumentException("augmentation '" + augment.name() + "' makes " + augment.channels()
                    + "-channel views but the encoder takes " + encoder.numChannels());
        }
    }

    /**
     * A run of one process on the CPU, as before data-parallel training and the device option existed.
     *
     * @param data required
     * @param encoder required
     * @param augment required; its size and channels equal the encoder's
     * @param nce required
     * @param mixture required
     * @param optim required
     * @param epochs at least 1
     * @param maxSteps at least 0
     * @param batchSize at least 2
     * @param loaderThreads at least 1
     * @param checkpointEvery at least 0
     * @param keepCheckpoints at least 2
     * @param testEachEpoch whether to test each epoch
     * @param bnBatches at least 1
     * @param precision may be null, meaning float32
     */
    public TrainConfig(DataConfig data, EncoderConfig encoder, AugmentConfig augment, NceConfig nce,
            MixtureConfig mixture, OptimConfig optim, int epochs, long maxSteps, int batchSize, int loaderThreads,
            int checkpointEvery, int keepCheckpoints, boolean testEachEpoch, int bnBatches, PrecisionConfig precision) {
        this(data, encoder, augment, nce, mixture, optim, epochs, maxSteps, batchSize, loaderThreads, checkpointEvery,
                keepCheckpoints, testEachEpoch, bnBatches, precision, 1, ComputeDevice.CPU);
    }

    /**
     * The same run on {@code processes} processes, each with this batch size.
     *
     * @param processes at least 1
     * @return a copy with that world size
     */
    public TrainConfig withWorldSize(int processes) {
        return new TrainConfig(data, encoder, augment, nce, mixture, optim, epochs, maxSteps, batchSize, loaderThreads,
                checkpointEvery, keepCheckpoints, testEachEpoch, bnBatches, precision, processes, device);
    }

    /**
     * The same run on {@code other}.
     *
     * @param other the device of the model's arrays
     * @return a copy on that device
     */
    public TrainConfig withDevice(ComputeDevice other) {
        return new TrainConfig(data, encoder, augment, nce, mixture, optim, epochs, maxSteps, batchSize, loaderThreads,
                checkpointEvery, keepCheckpoints, testEachEpoch, bnBatches, precision, worldSize, other);
    }

    /**
     * The same run computing in {@code other} (a preflight's fallback, or a test of another precision).
     *
     * @param other the resolved precision and memory format
     * @return a copy with that precision
     */
    public TrainConfig withPrecision(PrecisionConfig other) {
        return new TrainConfig(data, encoder, augment, nce, mixture, optim, epochs, maxSteps, batchSize, loaderThreads,
                checkpointEvery, keepCheckpoints, testEachEpoch, bnBatches, other, worldSize, device);
    }

    /** The key settings of a run, for its report (spec section in brackets where there is one). */
    @Override
    public List<Highlight> highlights() {
        return List.of(
                Highlight.of("dataset", data.dataset()),
                Highlight.of("train split", data.trainSplit()),
                Highlight.of("test split", data.testSplit()),
                Highlight.of("master seed", data.seed()),
                Highlight.of("input size (px)", encoder.inputSize()),
                Highlight.of("channels", encoder.numChannels()),
                Highlight.of("ndf", encoder.ndf()),
                Highlight.of("n_rkhs", encoder.nRkhs()),
                Highlight.of("n_depth", encoder.nDepth()),
                Highlight.of("use_bn", encoder.useBn()),
                Highlight.of("augmentation", augment.name()),
                Highlight.of("tclip", nce.tclip()),
                Highlight.of("score regulariser weight", nce.scoreRegWeight()),
                Highlight.of("mixtures", mixture.enabled()),
                Highlight.of("epochs", epochs),
                Highlight.of("max steps (0 = none)", maxSteps),
                Highlight.of("batch size", batchSize),
                Highlight.of("learning rate", optim.lr()),
                Highlight.of("warm-up updates", optim.warmupUpdates()),
                Highlight.of("lr milestones (epochs)", optim.milestones()),
                Highlight.of("precision", precision.precision() + ", " + precision.memoryFormat()),
                Highlight.of("processes (MPI ranks, batch size each)", worldSize),
                Highlight.of("device", device));
    }

    @Override
    public String datasetSpec() {
        return data.dataset().toString();
    }

    /**
     * The master seed, from which every random stream is split per purpose.
     *
     * @return the data config's seed
     */
    public long seed() {
        return data.seed();
    }
}
