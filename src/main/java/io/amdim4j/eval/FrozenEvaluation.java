package io.amdim4j.eval;

import ai.djl.ndarray.NDManager;
import io.amdim4j.model.Encoder;
import io.amdim4j.run.EvalReport;
import io.amdim4j.run.EvalResult;
import io.amdim4j.run.EvalTable;
import io.amdim4j.run.SeedOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs the configured protocols on frozen features (spec §6.3): for every label fraction and
 * probe seed, a class-balanced subset of the labelled training features (seeded), then each
 * protocol fitted on it and scored once on every test feature. The subset of a seed is shared by
 * all protocols, so they are compared on the same images.
 *
 * <p>Seeds: each probe seed of {@link EvalConfig#probeSeeds()} splits into a subset seed and the
 * seed handed to the protocols. Deterministic protocols (kNN) run once per subset.
 */
final class FrozenEvaluation {

    private final EvalConfig config;
    private final NDManager manager;
    private final List<ProbeProtocol> protocols;
    private final Consumer<String> log;

    /**
     * @param config evaluation settings
     * @param objective the probe loss for the linear and MLP probes (the §6.1 clipped
     *     cross-entropy)
     * @param manager parent of every probe's manager
     * @param log receives one line per fitted probe with its test accuracy and time: a probe on a
     *     large data set can take many minutes, and a silent console looks hung
     */
    public FrozenEvaluation(EvalConfig config, ProbeObjective objective, NDManager manager, Consumer<String> log) {
        this(config, protocols(config, Objects.requireNonNull(objective, "probe objective"), manager), manager, log);
    }

    /** With explicit protocols, e.g. instrumented ones in tests; {@code config.protocols()} is ignored. */
    FrozenEvaluation(EvalConfig config, List<ProbeProtocol> protocols, NDManager manager, Consumer<String> log) {
        this.config = Objects.requireNonNull(config, "config");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.protocols = List.copyOf(protocols);
        this.log = Objects.requireNonNull(log, "log");
    }

    private static List<ProbeProtocol> protocols(EvalConfig config, ProbeObjective objective, NDManager manager) {
        List<ProbeProtocol> built = new ArrayList<>();
        for (EvalConfig.Protocol p : config.protocols()) {
            built.add(switch (p) {
                case LINEAR -> new LinearEval(config.linear(), config.valFraction(), objective, manager);
                case MLP -> new MlpEval(config.mlp(), config.valFraction(), objective, manager);
                case KNN -> new KnnEval(config.knn(), manager);
            });
        }
        return built;
    }

    /**
     * The feature source for an encoder under this configuration: its feature set, with BN
     * re-estimation on {@link EvalConfig#bnBatches()} training batches unless that is 0.
     *
     * @param name method name for reports
     * @param encoder an initialised encoder; re-estimation changes its BN running statistics
     * @return the extractor
     */
    public FeatureExtractor extractor(String name, Encoder encoder) {
        FeatureExtractor extractor = new FeatureExtractor(name, encoder, config.featureSet(), manager)
                .withPrecision(config.precision());
        return config.bnBatches() == 0
                ? extractor
                : extractor.withReestimation(new BatchNormReestimator(config.bnBatches(), config.precision()));
    }

    /**
     * Evaluates precomputed features.
     *
     * @param method method name for the report
     * @param featureSet feature set name for the report
     * @param train training features; unlabelled rows are dropped
     * @param test test features; all must be labelled
     * @return the report
     */
    public EvalReport evaluate(String method, String featureSet, Features train, Features test) {
        Features labelled = train.labelled();
        if (labelled.count() == 0) {
            throw new IllegalArgumentException(method + ": the training features have no labelled row");
        }
        if (test.labelledRows().length != test.count()) {
            throw new IllegalArgumentException(method + ": " + (test.count() - test.labelledRows().length)
                    + " of " + test.count() + " test rows are unlabelled; every test image needs a label");
        }
        if (labelled.dimension() != test.dimension()) {
            throw new IllegalArgumentException(method + ": training features are " + labelled.dimension()
                    + " wide, test features " + test.dimension());
        }
        int numClasses = Math.max(labelled.classCount(), test.classCount());
        long start = System.nanoTime();
        long[] seeds = config.probeSeeds();
        List<EvalResult> results = new ArrayList<>();
        for (LabelFraction fraction : config.labelFractions()) {
            Map<String, List<SeedOutcome>> byProtocol = new LinkedHashMap<>();
            Map<ProbeProtocol, List<ProbeOutcome>> deterministic = new HashMap<>();
            for (int s = 0; s < seeds.length; s++) {
                long seed = seeds[s];
                SplittableRandom streams = new SplittableRandom(seed);
                long subsetSeed = streams.nextLong();
                long probeSeed = streams.nextLong();
                Features subset = fraction.isAll()
                        ? labelled
                        : labelled.subset(fraction.sample(labelled.labels(), subsetSeed));
                for (ProbeProtocol protocol : protocols) {
                    String fit = String.format(Locale.ROOT, "%s: %s labels, seed %d of %d", method,
                            EvalTable.labels(fraction.value()), s + 1, seeds.length);
                    List<ProbeOutcome> outcomes = fraction.isAll() && !protocol.dependsOnSeed()
                            ? deterministic.computeIfAbsent(protocol, p -> fitAndLog(p, subset, test, numClasses,
                                    probeSeed, fit))
                            : fitAndLog(protocol, subset, test, numClasses, probeSeed, fit);
                    for (ProbeOutcome outcome : outcomes) {
                        byProtocol.computeIfAbsent(outcome.protocol(), k -> new ArrayList<>())
                                .add(new SeedOutcome(seed, outcome.accuracy(), outcome.hyperparameters()));
                    }
                }
            }
            byProtocol.forEach((protocol, outcomes) ->
                    results.add(EvalResult.of(protocol, featureSet, fraction.value(), outcomes)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EvalReport(method, featureSet, labelled.count(), test.count(), numClasses, results, seconds);
    }

    /** One fit, logged as e.g. "amdim: 100% labels, seed 1 of 3: linear 70.12% (41.0 s)". */
    private List<ProbeOutcome> fitAndLog(ProbeProtocol protocol, Features train, Features test, int numClasses,
            long seed, String fit) {
        long start = System.nanoTime();
        List<ProbeOutcome> outcomes = protocol.evaluate(train, test, numClasses, seed);
        String scores = outcomes.stream()
                .map(o -> String.format(Locale.ROOT, "%s %.2f%%", o.protocol(), 100 * o.accuracy()))
                .collect(Collectors.joining(", "));
        log.accept(String.format(Locale.ROOT, "%s: %s (%.1f s)", fit, scores, (System.nanoTime() - start) / 1e9));
        return outcomes;
    }
}
