package io.amdim4j.eval;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Objects;

/**
 * Linear evaluation on frozen features (spec §6.3, "standard linear evaluation"): multinomial
 * logistic regression z = x·W + b trained with the given probe objective (the §6.1 loss) plus an
 * L2 penalty ½λ‖θ‖² on all of W and b, on features standardised with the fitting rows' mean and
 * standard deviation. Full-batch L-BFGS from θ = 0, so a fit depends on its rows and λ only.
 *
 * <p>λ is chosen from a small grid on a seeded validation split of the training features, then
 * the probe is refitted on all training features and scored once on the test features.
 */
public final class LinearEval implements ProbeProtocol {

    /** Protocol name in reports. */
    static final String NAME = "linear";

    /** Name of the chosen L2 weight in outcomes. */
    static final String L2 = "l2";

    private final Settings settings;
    private final double valFraction;
    private final ProbeObjective objective;
    private final NDManager manager;

    /**
     * Optimisation and grid settings.
     *
     * @param l2Grid candidate L2 weights λ, tried in order
     * @param maxIterations L-BFGS iterations per fit
     */
    public record Settings(List<Double> l2Grid, int maxIterations) {

        /** Default grid: five decades around the usual optimum for standardised features. */
        static final List<Double> DEFAULT_L2_GRID = List.of(1e-6, 1e-5, 1e-4, 1e-3, 1e-2);

        /** Default L-BFGS iterations per fit. */
        static final int DEFAULT_MAX_ITERATIONS = 100;

        /** Validates every field and names the bad one. */
        public Settings {
            l2Grid = List.copyOf(l2Grid);
            if (l2Grid.isEmpty()) {
                throw new IllegalArgumentException("linear l2Grid needs at least one value");
            }
            for (double l2 : l2Grid) {
                if (!(l2 >= 0) || Double.isInfinite(l2)) {
                    throw new IllegalArgumentException("linear l2Grid values must be finite and ≥ 0, got " + l2);
                }
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("linear maxIterations must be ≥ 1, got " + maxIterations);
            }
        }

        /**
         * The defaults.
         *
         * @return default settings
         */
        static Settings defaults() {
            return new Settings(DEFAULT_L2_GRID, DEFAULT_MAX_ITERATIONS);
        }
    }

    /**
     * @param settings optimisation and grid settings
     * @param valFraction share of the training features held out to choose λ
     * @param objective the probe loss (the §6.1 clipped cross-entropy)
     * @param manager parent of each fit's manager
     */
    LinearEval(Settings settings, double valFraction, ProbeObjective objective, NDManager manager) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.valFraction = valFraction;
        this.objective = Objects.requireNonNull(objective, "probe objective");
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    @Override
    public List<ProbeOutcome> evaluate(Features train, Features test, int numClasses, long seed) {
        return List.of(GridSelection.selectAndScore(NAME, L2, settings.l2Grid(), valFraction, train, test,
                seed, (fit, predict, l2, fitSeed) -> fitAndPredict(fit, predict, numClasses, l2)));
    }

    /**
     * Fits one probe and predicts other rows; the validation fits and the final fit all go through
     * here.
     *
     * @param fit labelled rows to fit on (and to standardise with)
     * @param predict rows to classify
     * @param numClasses k
     * @param l2 λ
     * @return predicted classes of {@code predict}
     */
    int[] fitAndPredict(Features fit, Features predict, int numClasses, double l2) {
        int d = fit.dimension();
        try (NDManager scope = manager.newSubManager()) {
            NDArray raw = fit.toNDArray(scope);
            Standardizer standardizer = Standardizer.fit(raw);
            NDArray x = standardizer.apply(raw);
            raw.close(); // N×D floats: keep only the standardised copy on the engine
            NDArray labels = fit.labelArray(scope);
            Lbfgs.Result result = new Lbfgs(settings.maxIterations())
                    .minimise((theta, gradient) -> value(x, labels, numClasses, l2, theta, gradient),
                            new double[(d + 1) * numClasses]);
            NDArray[] wb = parameters(scope, result.x(), d, numClasses);
            NDArray logits = standardizer.apply(predict.toNDArray(scope)).matMul(wb[0]).add(wb[1]);
            long[] classes = logits.argMax(1).toLongArray();
            int[] out = new int[classes.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) classes[i];
            }
            return out;
        }
    }

    /** Objective plus ½λ‖θ‖² and its gradient at θ = (W row-major D×k, then b). */
    private double value(NDArray x, NDArray labels, int numClasses, double l2, double[] theta, double[] gradient) {
        int d = Math.toIntExact(x.getShape().get(1));
        try (NDManager scope = x.getManager().newSubManager()) {
            scope.tempAttachAll(x, labels);
            NDArray[] wb = parameters(scope, theta, d, numClasses);
            double loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = x.matMul(wb[0]).add(wb[1]); // N×k
                NDArray batchLoss = objective.evaluate(new NDList(labels), new NDList(logits));
                loss = batchLoss.getFloat();
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("linear probe loss is " + loss + " at λ = " + l2);
                }
                collector.backward(batchLoss);
            }
            float[] gw = wb[0].getGradient().toFloatArray();
            float[] gb = wb[1].getGradient().toFloatArray();
            double squares = 0;
            for (int i = 0; i < theta.length; i++) {
                double g = i < gw.length ? gw[i] : gb[i - gw.length];
                gradient[i] = g + l2 * theta[i];
                squares += theta[i] * theta[i];
            }
            return loss + 0.5 * l2 * squares;
        }
    }

    /** W (D×k) and b (k) from θ, as fresh leaves that collect gradients. */
    private static NDArray[] parameters(NDManager scope, double[] theta, int d, int numClasses) {
        float[] w = new float[d * numClasses];
        float[] b = new float[numClasses];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) theta[i];
        }
        for (int c = 0; c < numClasses; c++) {
            b[c] = (float) theta[w.length + c];
        }
        NDArray weight = scope.create(w, new Shape(d, numClasses));
        NDArray bias = scope.create(b);
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
        return new NDArray[] {weight, bias};
    }
}
