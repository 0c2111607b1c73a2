package io.amdim4j.eval;

import io.amdim4j.runtime.PrecisionConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Settings of the frozen-feature evaluation (spec §6.2, §6.3). Validated on construction; each
 * error names the option.
 *
 * @param protocols protocols to run, in report order, no repeats
 * @param featureSet encoder outputs to evaluate (spec §2.3)
 * @param seeds number of probe seeds N ({@code --seeds N}); results are mean ± std over them
 * @param seed master seed from which the N probe seeds are drawn
 * @param labelFractions shares of labelled training images, each in (0, 1], no repeats
 * @param valFraction share of the training features held out to choose probe hyper-parameters
 * @param bnBatches training batches for BN re-estimation before extraction (spec §6.2); 0 = off
 * @param linear linear-probe settings
 * @param mlp MLP-probe settings
 * @param knn kNN settings (k values, temperature)
 * @param precision arithmetic and input layout of the encoder during extraction and BN re-estimation;
 *     {@code null} means float32
 */
public record EvalConfig(
        List<Protocol> protocols,
        FeatureSet featureSet,
        int seeds,
        long seed,
        List<LabelFraction> labelFractions,
        double valFraction,
        int bnBatches,
        LinearEval.Settings linear,
        MlpEval.Settings mlp,
        KnnEval.Settings knn,
        PrecisionConfig precision) {

    /** Default number of probe seeds. */
    public static final int DEFAULT_SEEDS = 3;

    /** Default master seed. */
    public static final long DEFAULT_SEED = 0L;

    /** Default validation share: 10% of the training features. */
    static final double DEFAULT_VAL_FRACTION = 0.1;

    /** The frozen-feature protocols. */
    public enum Protocol {
        /** {@link LinearEval}. */
        LINEAR,
        /** {@link MlpEval}. */
        MLP,
        /** {@link KnnEval}. */
        KNN;

        /** The CLI's and eval.json's lower-case name. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Reads either case. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Protocol parse(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Validates every field and names the bad one. */
    public EvalConfig {
        protocols = List.copyOf(protocols);
        labelFractions = List.copyOf(labelFractions);
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(linear, "linear settings");
        Objects.requireNonNull(mlp, "mlp settings");
        Objects.requireNonNull(knn, "knn settings");
        precision = precision == null ? PrecisionConfig.fp32() : precision;
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("protocols needs at least one of linear, mlp, knn");
        }
        if (EnumSet.copyOf(protocols).size() != protocols.size()) {
            throw new IllegalArgumentException("protocols repeats a protocol: " + protocols);
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be ≥ 1, got " + seeds);
        }
        if (labelFractions.isEmpty()) {
            throw new IllegalArgumentException("labelFractions needs at least one fraction");
        }
        if (labelFractions.stream().distinct().count() != labelFractions.size()) {
            throw new IllegalArgumentException("labelFractions repeats a fraction: " + labelFractions);
        }
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new IllegalArgumentException("valFraction must be in (0, 1), got " + valFraction);
        }
        if (bnBatches < 0) {
            throw new IllegalArgumentException("bnBatches must be ≥ 0 (0 = no BN re-estimation), got " + bnBatches);
        }
    }

    /**
     * Linear probe and kNN on r1 with all labels, 3 seeds, BN re-estimated on 50 training batches.
     * The MLP probe is opt-in because it costs minutes on a CPU.
     *
     * @return the defaults
     */
    public static EvalConfig defaults() {
        return new EvalConfig(List.of(Protocol.LINEAR, Protocol.KNN), FeatureSet.GLOBAL, DEFAULT_SEEDS, DEFAULT_SEED,
                List.of(LabelFraction.ALL), DEFAULT_VAL_FRACTION, BatchNormReestimator.REFERENCE_BATCHES,
                LinearEval.Settings.defaults(), MlpEval.Settings.defaults(), KnnEval.Settings.defaults(),
                PrecisionConfig.fp32());
    }

    /**
     * A copy with other protocols.
     *
     * @param chosen protocols
     * @return the new config
     */
    public EvalConfig withProtocols(List<Protocol> chosen) {
        return new EvalConfig(chosen, featureSet, seeds, seed, labelFractions, valFraction, bnBatches,
                linear, mlp, knn, precision);
    }

    /**
     * A copy with another feature set.
     *
     * @param features the feature set
     * @return the new config
     */
    public EvalConfig withFeatureSet(FeatureSet features) {
        return new EvalConfig(protocols, features, seeds, seed, labelFractions, valFraction, bnBatches,
                linear, mlp, knn, precision);
    }

    /**
     * A copy with another number of probe seeds and master seed.
     *
     * @param count N
     * @param master master seed
     * @return the new config
     */
    public EvalConfig withSeeds(int count, long master) {
        return new EvalConfig(protocols, featureSet, count, master, labelFractions, valFraction, bnBatches,
                linear, mlp, knn, precision);
    }

    /**
     * A copy with other label fractions.
     *
     * @param fractions label fractions
     * @return the new config
     */
    public EvalConfig withLabelFractions(List<LabelFraction> fractions) {
        return new EvalConfig(protocols, featureSet, seeds, seed, fractions, valFraction, bnBatches,
                linear, mlp, knn, precision);
    }

    /**
     * A copy with other probe settings.
     *
     * @param linearSettings linear probe
     * @param mlpSettings MLP probe
     * @param knnSettings kNN
     * @return the new config
     */
    public EvalConfig withProbes(LinearEval.Settings linearSettings, MlpEval.Settings mlpSettings,
            KnnEval.Settings knnSettings) {
        return new EvalConfig(protocols, featureSet, seeds, seed, labelFractions, valFraction, bnBatches,
                linearSettings, mlpSettings, knnSettings, precision);
    }

    /**
     * A copy with another number of BN re-estimation batches.
     *
     * @param batches K, 0 = off
     * @return the new config
     */
    public EvalConfig withBnBatches(int batches) {
        return new EvalConfig(protocols, featureSet, seeds, seed, labelFractions, valFraction, batches,
                linear, mlp, knn, precision);
    }

    /**
     * The N probe seeds, drawn from the master seed.
     *
     * @return N seeds
     */
    long[] probeSeeds() {
        SplittableRandom master = new SplittableRandom(seed);
        long[] out = new long[seeds];
        for (int i = 0; i < seeds; i++) {
            out[i] = master.nextLong();
        }
        return out;
    }

    /**
     * A copy with another precision for the encoder's passes.
     *
     * @param choice arithmetic and input layout
     * @return the new configuration
     */
    public EvalConfig withPrecision(PrecisionConfig choice) {
        return new EvalConfig(protocols, featureSet, seeds, seed, labelFractions, valFraction, bnBatches, linear, mlp,
                knn, choice);
    }
}
