package io.amdim4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.tracker.Tracker;
import io.amdim4j.model.MlpProbe;
import java.util.List;
import java.util.Objects;

/**
 * MLP evaluation on frozen features (spec §6.3): the §6.1 MLP head (dropout 0.2, hidden BN,
 * ReLU), re-initialised with BN γ ~ U(0, 1), trained with the given probe objective on
 * standardised features. Adam with the §7 moments, no warm-up, learning rate ×0.2 at 2/3 and
 * 11/12 of the epochs (the proportions of §6.3's 120 epochs with milestones [80, 110]); with few
 * labels the epochs grow to a minimum number of updates ({@link Settings#minUpdates()}). The
 * coupled weight decay is chosen from a tiny grid on a validation split of the training features.
 *
 * <p>Design decision: the head trains on precomputed features of the unaugmented images for a
 * few epochs instead of §6.3's 120 epochs on augmented views, which would need the encoder in the
 * loop; the hidden BN statistics come from training batches of the same features, so they need
 * no re-estimation.
 */
public final class MlpEval implements ProbeProtocol {

    /** Protocol name in reports. */
    static final String NAME = "mlp";

    /** Name of the chosen weight decay in outcomes. */
    static final String WEIGHT_DECAY = "weight_decay";

    /** Learning-rate factor at each milestone (spec §6.3). */
    static final double LR_DECAY = 0.2;

    /** First milestone as a share of the epochs: 80 of 120 (spec §6.3). */
    static final double FIRST_MILESTONE = 80.0 / 120;

    /** Second milestone as a share of the epochs: 110 of 120 (spec §6.3). */
    static final double SECOND_MILESTONE = 110.0 / 120;

    private final Settings settings;
    private final double valFraction;
    private final ProbeTrainer trainer;
    private final NDManager manager;

    /**
     * Schedule and grid settings.
     *
     * @param weightDecayGrid candidate coupled weight decays, tried in order
     * @param epochs passes over the training features per fit
     * @param batchSize rows per update
     * @param learningRate base Adam learning rate
     * @param hiddenUnits hidden width (1024 in spec §6.1)
     * @param minUpdates fewest updates per fit: with few labels, {@code epochs} passes are too few
     *     updates to train the head (1 % of CIFAR-10 is one batch per epoch), so the epochs grow until
     *     there are this many; the milestones stay at the same shares of the longer schedule
     */
    public record Settings(List<Double> weightDecayGrid, int epochs, int batchSize, double learningRate,
            int hiddenUnits, int minUpdates) {

        /** Default grid: the §7 weight decay and a stronger one. */
        static final List<Double> DEFAULT_WEIGHT_DECAY_GRID = List.of(1e-5, 1e-3);

        /** Default epochs per fit. */
        static final int DEFAULT_EPOCHS = 10;

        /** Default rows per update. */
        static final int DEFAULT_BATCH_SIZE = 256;

        /** Default base learning rate. */
        static final double DEFAULT_LEARNING_RATE = 1e-3;

        /**
         * Default fewest updates per fit. Design decision: about a third of what the default
         * schedule gives on all 45,000 CIFAR-10 fit rows (10 epochs of 175 batches), so full-label
         * fits are unchanged while a 1 % fit gets 500 updates instead of 10.
         */
        static final int DEFAULT_MIN_UPDATES = 500;

        /** Validates every field and names the bad one. */
        public Settings {
            weightDecayGrid = List.copyOf(weightDecayGrid);
            if (weightDecayGrid.isEmpty()) {
                throw new IllegalArgumentException("mlp weightDecayGrid needs at least one value");
            }
            for (double wd : weightDecayGrid) {
                if (!(wd >= 0) || Double.isInfinite(wd)) {
                    throw new IllegalArgumentException("mlp weightDecayGrid values must be finite and ≥ 0, got " + wd);
                }
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("mlp epochs must be ≥ 1, got " + epochs);
            }
            if (batchSize < BatchNormReestimator.MIN_BATCH) {
                throw new IllegalArgumentException("mlp batchSize must be ≥ 2 (the head has BN), got " + batchSize);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("mlp learningRate must be > 0, got " + learningRate);
            }
            if (hiddenUnits < 1) {
                throw new IllegalArgumentException("mlp hiddenUnits must be ≥ 1, got " + hiddenUnits);
            }
            if (minUpdates < 0) {
                throw new IllegalArgumentException("mlp minUpdates must be ≥ 0, got " + minUpdates);
            }
        }

        /**
         * Passes over the fit rows: {@code epochs}, or more when that is fewer than {@code
         * minUpdates} updates.
         *
         * @param stepsPerEpoch updates per pass
         * @return epochs of the fit
         */
        int epochsFor(int stepsPerEpoch) {
            return Math.max(epochs, (minUpdates + stepsPerEpoch - 1) / stepsPerEpoch);
        }

        /**
         * The defaults.
         *
         * @return default settings
         */
        static Settings defaults() {
            return new Settings(DEFAULT_WEIGHT_DECAY_GRID, DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE,
                    DEFAULT_LEARNING_RATE, MlpProbe.HIDDEN_UNITS, DEFAULT_MIN_UPDATES);
        }
    }

    /**
     * @param settings schedule and grid settings
     * @param valFraction share of the training features held out to choose the weight decay
     * @param objective the probe loss (the §6.1 clipped cross-entropy)
     * @param manager parent of each fit's manager
     */
    MlpEval(Settings settings, double valFraction, ProbeObjective objective, NDManager manager) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.valFraction = valFraction;
        this.trainer = new ProbeTrainer(objective);
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    @Override
    public List<ProbeOutcome> evaluate(Features train, Features test, int numClasses, long seed) {
        return List.of(GridSelection.selectAndScore(NAME, WEIGHT_DECAY, settings.weightDecayGrid(),
                valFraction, train, test, seed,
                (fit, predict, wd, fitSeed) -> fitAndPredict(fit, predict, numClasses, wd, fitSeed)));
    }

    /**
     * Fits one MLP head and predicts other rows.
     *
     * @param fit labelled rows to fit on (and to standardise with)
     * @param predict rows to classify
     * @param numClasses k
     * @param weightDecay coupled L2 weight
     * @param seed initialisation, dropout and shuffling seed
     * @return predicted classes of {@code predict}
     */
    int[] fitAndPredict(Features fit, Features predict, int numClasses, double weightDecay, long seed) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray raw = fit.toNDArray(scope);
            Standardizer standardizer = Standardizer.fit(raw);
            MlpProbe probe = newProbe(numClasses);
            ProbeTrainer.initialise(probe, scope, fit.dimension(), seed);
            int perEpoch = ProbeTrainer.stepsPerEpoch(fit.count(), settings.batchSize());
            int epochs = settings.epochsFor(perEpoch);
            trainer.train(probe, standardizer.apply(raw), fit.labelArray(scope), epochs * perEpoch,
                    settings.batchSize(), schedule(epochs, perEpoch), (float) weightDecay, seed);
            return ProbeTrainer.predict(probe, standardizer.apply(predict.toNDArray(scope)));
        }
    }

    /** A fresh head with the §6.3 re-initialisation of its BN scale. */
    MlpProbe newProbe(int numClasses) {
        MlpProbe probe = MlpProbe.builder()
                .setNumClasses(numClasses)
                .optHiddenUnits(settings.hiddenUnits())
                .build();
        Initializer unitUniform = (m, shape, dataType) -> m.randomUniform(0, 1, shape, dataType);
        probe.setInitializer(unitUniform, Parameter.Type.GAMMA);
        return probe;
    }

    /** lr_base·0.2^{#(milestones < e)} in 0-based epoch e (spec §7's rule, §6.3's milestones). */
    private Tracker schedule(int epochs, int stepsPerEpoch) {
        int first = (int) Math.floor(FIRST_MILESTONE * epochs);
        int second = (int) Math.floor(SECOND_MILESTONE * epochs);
        double base = settings.learningRate();
        return t -> {
            int epoch = (t - 1) / stepsPerEpoch;
            int passed = (first < epoch ? 1 : 0) + (second < epoch ? 1 : 0);
            return (float) (base * Math.pow(LR_DECAY, passed));
        };
    }
}
