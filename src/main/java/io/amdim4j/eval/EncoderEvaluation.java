package io.amdim4j.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.SeedStreams;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.runtime.EngineSeed;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.PretrainBatches;
import io.amdim4j.run.EvalReport;
import io.amdim4j.run.MethodEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The frozen-feature evaluation of a trained encoder beside its two baselines (spec §6.2, §6.3):
 * the trained encoder ({@value #TRAINED}), the same architecture at a seeded random initialisation
 * ({@value #RANDOM_INIT}) and raw pixels ({@value RawPixelFeatures#NAME}), each under the same
 * {@link EvalConfig} on the same images.
 *
 * <p>Each encoder is frozen: inference mode, no gradient. Its BN running statistics are first
 * re-estimated (§6.2) on a seeded random sample of {@link EvalConfig#bnBatches()} batches of
 * <em>training</em> images (not the first ones: image folders list their images class by
 * class), which changes only the in-memory encoder. Probe hyper-parameters are chosen on a
 * validation split of the training features; test images are scored once, never fitted.
 */
public final class EncoderEvaluation {

    /** Method name of the trained encoder. */
    static final String TRAINED = "amdim";

    /** Method name of the randomly initialised encoder. */
    static final String RANDOM_INIT = "random-init";

    /** Method name of the raw-pixel baseline. */
    static final String PIXELS = RawPixelFeatures.NAME;

    /** Seed of the engine generator that initialises the random-init baseline, fixed so runs compare. */
    public static final long RANDOM_INIT_SEED = 0L;

    /** Purpose name of the stream that samples the BN re-estimation images (as the online test's). */
    static final String BN_SAMPLE_PURPOSE = BatchNormReestimator.SAMPLE_PURPOSE;

    private final EvalConfig config;
    private final FrozenEvaluation evaluation;
    private final NDManager manager;
    private final Consumer<String> log;

    /**
     * @param config evaluation settings
     * @param objective the probe loss (the §6.1 clipped cross-entropy)
     * @param manager parent of every feature and probe manager
     * @param log receives one line as each method starts and ends and after each probe fit, e.g.
     *     for a console
     * @throws IllegalArgumentException if the precision cannot run on the manager's device (bf16 on a GPU)
     */
    public EncoderEvaluation(EvalConfig config, ProbeObjective objective, NDManager manager, Consumer<String> log) {
        this.config = Objects.requireNonNull(config, "config");
        this.manager = Objects.requireNonNull(manager, "manager");
        Runtime.of(ComputeDevice.of(manager.getDevice()), config.precision()); // the commands' rule, for the API too
        this.log = Objects.requireNonNull(log, "log");
        this.evaluation = new FrozenEvaluation(config, objective, manager, log);
    }

    /**
     * The methods {@link #evaluate(Encoder, EvalImages, boolean, Consumer)} runs, in its order.
     *
     * @param baselines whether the two baselines are added
     * @return method names
     */
    public static List<String> methodNames(boolean baselines) {
        return baselines ? List.of(TRAINED, RANDOM_INIT, PIXELS) : List.of(TRAINED);
    }

    /**
     * Evaluates a trained encoder and, when asked, its two baselines, in the order of {@link
     * #methodNames(boolean)}.
     *
     * @param trained the trained encoder; only its BN running statistics change
     * @param images the splits, transform and loading settings
     * @param baselines whether to add the random-init and raw-pixel baselines
     * @param finished called after each method with the evaluations done so far, e.g. to save them
     * @return one evaluation per method
     */
    public List<MethodEvaluation> evaluate(Encoder trained, EvalImages images, boolean baselines,
            Consumer<List<MethodEvaluation>> finished) {
        images.checkFits(trained.getConfig());
        checkLabelFractions(images.train());
        List<MethodEvaluation> out = new ArrayList<>();
        Consumer<MethodEvaluation> keep = m -> {
            out.add(m);
            finished.accept(List.copyOf(out));
        };
        keep.accept(evaluate(evaluation.extractor(TRAINED, trained), images));
        if (baselines) {
            try (NDManager scope = manager.newSubManager()) {
                Encoder random = randomInit(trained.getConfig(), RANDOM_INIT_SEED, scope);
                keep.accept(evaluate(evaluation.extractor(RANDOM_INIT, random), images));
            }
            keep.accept(evaluate(new RawPixelFeatures(), images));
        }
        return out;
    }

    /**
     * {@link #evaluate(Encoder, EvalImages, boolean, Consumer)} without a listener.
     *
     * @param trained the trained encoder
     * @param images the splits
     * @param baselines whether to add the baselines
     * @return one evaluation per method
     */
    List<MethodEvaluation> evaluate(Encoder trained, EvalImages images, boolean baselines) {
        return evaluate(trained, images, baselines, m -> { });
    }

    /**
     * Evaluates one method: prepares it on the BN sample of the training images, extracts the
     * training and test features, and runs the protocols.
     *
     * @param method an encoder extractor or a baseline
     * @param images the splits
     * @return the evaluation
     */
    MethodEvaluation evaluate(FeatureSource method, EvalImages images) {
        log.accept(method.name() + ": extracting " + method.featureSetName() + " features of "
                + images.train().size() + " training and " + images.test().size() + " test images");
        long start = System.nanoTime();
        Features train;
        Features test;
        try (BatchLoader trainLoader = loader(images.train(), images);
                BatchLoader testLoader = loader(images.test(), images)) {
            if (config.bnBatches() > 0) {
                try (BatchLoader sample = loader(bnSample(images.train(), images.batchSize()), images)) {
                    method.prepare(sample.epoch(0, 0));
                }
            }
            train = method.extract(trainLoader.epoch(0, 0));
            test = method.extract(testLoader.epoch(0, 0));
        }
        double extraction = (System.nanoTime() - start) / 1e9;
        EvalReport report = evaluation.evaluate(method.name(), method.featureSetName(), train, test);
        log.accept(String.format(Locale.ROOT, "%s: %d-dim features in %.1f s, probes in %.1f s",
                method.name(), train.dimension(), extraction, report.seconds()));
        return new MethodEvaluation(report, train.dimension(), extraction);
    }

    /**
     * The random-initialisation baseline: a fresh encoder of the same configuration, initialised
     * from the engine generator seeded with {@code seed} (spec §2.4), so it is the same on every run.
     *
     * @param encoderConfig the trained encoder's configuration
     * @param seed engine seed
     * @param manager owns the parameters
     * @return the initialised encoder
     */
    public static Encoder randomInit(EncoderConfig encoderConfig, long seed, NDManager manager) {
        EngineSeed.apply(seed);
        Encoder encoder = Encoder.builder().setConfig(encoderConfig).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(1));
        return encoder;
    }

    /**
     * Draws every label-fraction subset once on the training labels alone, so a fraction too small
     * for the classes fails before minutes of feature extraction rather than after.
     */
    private void checkLabelFractions(ImageDataset train) {
        int[] labels = IntStream.range(0, train.size()).map(train::label).filter(label -> label >= 0).toArray();
        if (labels.length == 0) {
            throw new IllegalArgumentException(train.describe() + " has no labelled image to fit probes on");
        }
        for (LabelFraction fraction : config.labelFractions()) {
            try {
                fraction.sample(labels, config.seed());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(train.describe() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The training images BN re-estimation sees: {@link EvalConfig#bnBatches()} batches' worth
     * drawn in a seeded order from the whole split, so a split stored class by class still gives
     * batches of every class.
     */
    private ImageDataset bnSample(ImageDataset train, int batchSize) {
        return BatchNormReestimator.trainingSample(train, (long) config.bnBatches() * batchSize,
                new SeedStreams(config.seed()), 0);
    }

    private static BatchLoader loader(ImageDataset split, EvalImages images) {
        return PretrainBatches.testing(split, images.augment(), images.batchSize(), images.loaderThreads());
    }
}
