package io.amdim4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.amdim4j.WithNDManager;
import io.amdim4j.model.MixtureHead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The mixture loss of spec §4.2 and its checks. */
class MixtureNceLossTest extends WithNDManager {

    /** Central differences in float64 with step 1e-5 carry errors of about 1e-8 relative. */
    private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-6;

    @Test
    void oneComponentIsPlainNceOnThatComponent() {
        Random random = new Random(43);
        double[][] f = SlowNce.random(random, 4, 6, 2);
        double[][][] trg = SlowNce.random(random, 4, 6, 25, 2);
        NDArray features = SlowNce.array(manager, f, DataType.FLOAT64);
        NDArray target = SlowNce.array(manager, trg, DataType.FLOAT64);
        features.setRequiresGradient(true);
        MixtureConfig mixture = MixtureConfig.of(true, 1, 1.0);

        MixtureNceLoss.Term term;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            term = MixtureNceLoss.term(features.expandDims(1), target, NceConfig.defaults(), mixture);
            collector.backward(term.loss().add(term.reg()));
        }
        double[] mixtureGradient = features.getGradient().toDoubleArray();
        NDArray same = features.stopGradient().duplicate();
        same.setRequiresGradient(true);
        NceTerm.Result plain;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            plain = NceTerm.compute(same, target, NceConfig.defaults());
            collector.backward(plain.nce().add(plain.reg()));
        }

        assertThat(term.loss().getDouble()).isCloseTo(plain.nce().getDouble(), within(1e-12));
        assertThat(term.reg().getDouble()).isCloseTo(plain.reg().getDouble(), within(1e-12));
        assertThat(term.entropy().getDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(term.weightedScore().getDouble()).isCloseTo(-plain.nce().getDouble(), within(1e-12));
        assertThat(mixtureGradient).containsExactly(same.getGradient().toDoubleArray(), within(1e-12));
    }

    @Test
    void oneComponentEqualToR1GivesTheMultiscaleLoss() {
        Random random = new Random(47);
        SlowNce.View v1 = SlowNce.View.random(random, 3, 4, 2);
        SlowNce.View v2 = SlowNce.View.random(random, 3, 4, 2);
        NDList x1 = v1.toNDList(manager, DataType.FLOAT64);
        NDList x2 = v2.toNDList(manager, DataType.FLOAT64);
        int[] loc1 = {4, 5, 6};
        int[] loc2 = {20, 21, 22};
        Losses mixed = new MixtureNceLoss(NceConfig.defaults(), MixtureConfig.of(true, 1, 1.0))
                .compute(x1, x2, x1.get(0).expandDims(1), x2.get(0).expandDims(1), loc1, loc2);
        Losses plain = new MultiscaleNceLoss(NceConfig.defaults()).compute(x1, x2, loc1, loc2);
        assertThat(MultiscaleNceLossTest.parts(mixed))
                .containsExactly(MultiscaleNceLossTest.parts(plain), within(1e-12));
    }

    @Test
    void identicalComponentsShiftTheGoldenLossByLogKOverTauAndKeepItsGradients() throws IOException {
        Path case0 = NceGoldenTest.GoldenNceCase.files().stream()
                .filter(p -> p.getFileName().toString().contains("case0"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no golden case0 in " + NceGoldenTest.GoldenNceCase.directory()));
        NceGoldenTest.GoldenNceCase golden = NceGoldenTest.GoldenNceCase.read(case0);
        int k = 3;
        double tau = 2;
        NDArray[] inputs = golden.inputs(manager, DataType.FLOAT64);
        for (NDArray input : inputs) {
            input.setRequiresGradient(true);
        }
        MixtureNceLoss loss = new MixtureNceLoss(NceConfig.defaults().withTclip(golden.tclip()), MixtureConfig.of(true, k, tau));
        Losses losses;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            losses = loss.compute(
                    new NDList(inputs[0], inputs[1], inputs[2]),
                    new NDList(inputs[3], inputs[4], inputs[5]),
                    NDArrays.stack(new NDList(inputs[0], inputs[0], inputs[0]), 1),
                    NDArrays.stack(new NDList(inputs[3], inputs[3], inputs[3]), 1),
                    golden.sourceLocations1(),
                    golden.sourceLocations2());
            collector.backward(losses.total());
        }
        double shift = Math.log(k) / tau;
        double[] expected = {
            golden.expected("loss_1t5") - shift,
            golden.expected("loss_1t7") - shift,
            golden.expected("loss_5t5"),
            golden.expected("score_reg"),
            golden.expected("total") - 2 * shift
        };
        double[] actual = MultiscaleNceLossTest.parts(losses);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i]) / Math.abs(expected[i])).as("part %d", i).isLessThan(1e-4);
        }
        assertThat(losses.get(LossTerm.MIXTURE_ENTROPY).getDouble()).isCloseTo(Math.log(k), within(1e-9));
        assertThat(losses.get(LossTerm.MIXTURE_SCORE).getDouble())
                .isCloseTo(-(golden.expected("loss_1t5") + golden.expected("loss_1t7")) / 2, within(1e-5));
        String[] names = {"r1_x1", "r5_x1", "r7_x1", "r1_x2", "r5_x2", "r7_x2"};
        for (int i = 0; i < names.length; i++) {
            assertThat(NceGoldenTest.relativeError(inputs[i].getGradient().toDoubleArray(), golden.expectedGradient(names[i])))
                    .as("gradient of %s", names[i])
                    .isLessThan(1e-4);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Random random = new Random(53);
        int n = 3;
        int r = 4;
        int k = 2;
        SlowNce.View v1 = SlowNce.View.random(random, n, r, 1.5);
        SlowNce.View v2 = SlowNce.View.random(random, n, r, 1.5);
        double[][][] m1 = SlowNce.random(random, n, k, r, 1.5);
        double[][][] m2 = SlowNce.random(random, n, k, r, 1.5);
        int[] loc1 = {0, 12, 24};
        int[] loc2 = {3, 3, 17};
        MixtureNceLoss loss = new MixtureNceLoss(NceConfig.defaults(), MixtureConfig.of(true, k, 1.0));
        // inputs: mixture 1, mixture 2, r5 of view 1 (N×R×25), r7 of view 2 (N×R×49)
        Function<NDArray[], NDArray> total = x -> loss.compute(
                        new NDList(x[4], x[2].reshape(n, r, 5, 5), x[5].reshape(n, r, 7, 7)),
                        new NDList(x[6], x[7].reshape(n, r, 5, 5), x[3].reshape(n, r, 7, 7)),
                        x[0], x[1], loc1, loc2)
                .total();
        NDArray[] inputs = {
            SlowNce.array(manager, m1, DataType.FLOAT64),
            SlowNce.array(manager, m2, DataType.FLOAT64),
            SlowNce.array(manager, v1.t5(), DataType.FLOAT64),
            SlowNce.array(manager, v2.t7(), DataType.FLOAT64),
            SlowNce.array(manager, v1.r1(), DataType.FLOAT64),
            SlowNce.array(manager, v1.t7(), DataType.FLOAT64),
            SlowNce.array(manager, v2.r1(), DataType.FLOAT64),
            SlowNce.array(manager, v2.t5(), DataType.FLOAT64)
        };
        double[][] gradients = autograd(total, inputs, 4);
        for (int i = 0; i < 4; i++) {
            int[] coordinates = sample(random, inputs[i].size(), 24);
            double[] numeric = centralDifferences(total, inputs, i, coordinates);
            assertThat(NceGoldenTest.relativeError(pick(gradients[i], coordinates), numeric))
                    .as("input %d", i)
                    .isLessThan(FINITE_DIFFERENCE_TOLERANCE);
        }
    }

    @Test
    void gradientThroughTheMixtureHeadMatchesCentralDifferences() {
        Random random = new Random(59);
        int n = 3;
        int r = 4;
        int k = 2;
        double tau = 0.5;
        SlowNce.View v1 = SlowNce.View.random(random, n, r, 1.5);
        SlowNce.View v2 = SlowNce.View.random(random, n, r, 1.5);
        manager.getEngine().setRandomSeed(3);
        MixtureHead head = MixtureHead.builder().setNRkhs(r).setComponents(k).build();
        head.initialize(manager, DataType.FLOAT64, new Shape(n, r));
        ParameterStore store = new ParameterStore(manager, false);
        MixtureConfig mixture = new MixtureConfig(true, k, tau, 1 / tau, false); // 1→5 keeps §3: r1 used directly too
        MixtureNceLoss loss = new MixtureNceLoss(NceConfig.defaults(), mixture);
        NDList x1 = v1.toNDList(manager, DataType.FLOAT64);
        NDList x2 = v2.toNDList(manager, DataType.FLOAT64);
        int[] loc = {1, 2, 3};
        Function<NDArray[], NDArray> total = x -> loss.compute(
                        new NDList(x[0], x1.get(1), x1.get(2)),
                        new NDList(x[1], x2.get(1), x2.get(2)),
                        head.forward(store, new NDList(x[0]), true).singletonOrThrow(),
                        head.forward(store, new NDList(x[1]), true).singletonOrThrow(),
                        loc,
                        loc)
                .total();
        NDArray[] inputs = {x1.get(0), x2.get(0)};
        double[][] gradients = autograd(total, inputs, 2);
        for (int i = 0; i < 2; i++) {
            double[] numeric = centralDifferences(total, inputs, i);
            assertThat(NceGoldenTest.relativeError(gradients[i], numeric))
                    .as("r1 of view %d", i + 1)
                    .isLessThan(FINITE_DIFFERENCE_TOLERANCE);
        }
    }

    @Test
    void qIsHeldConstant() {
        // With α = 0 the loss −mean Σ q(s)·s is no longer a soft maximum, so its true derivative
        // differs from the spec's: the gradient must be that of −mean Σ q̄·s with q̄ frozen.
        Random random = new Random(61);
        int n = 3;
        int k = 3;
        int l = 5;
        NDArray features = SlowNce.array(manager, SlowNce.random(random, n, k, 4, 2), DataType.FLOAT64);
        NDArray target = SlowNce.array(manager, SlowNce.random(random, n, 4, l, 2), DataType.FLOAT64);
        MixtureConfig mixture = new MixtureConfig(true, k, 1.0, 0.0, true);
        Function<NDArray[], NDArray> loss = x -> MixtureNceLoss.term(x[0], target, NceConfig.defaults(), mixture).loss();
        double[] gradient = autograd(loss, new NDArray[] {features}, 1)[0];

        NDArray frozenQ = componentScores(features, target).softmax(2); // N×L×k at the base point
        Function<NDArray[], NDArray> frozen = x -> componentScores(x[0], target).mul(frozenQ).sum().div(-n * l);
        double[] expected = centralDifferences(frozen, new NDArray[] {features}, 0);
        double[] throughQ = centralDifferences(loss, new NDArray[] {features}, 0);

        assertThat(NceGoldenTest.relativeError(gradient, expected)).isLessThan(FINITE_DIFFERENCE_TOLERANCE);
        assertThat(NceGoldenTest.relativeError(gradient, throughQ)).isGreaterThan(1e-3);
    }

    @Test
    void largeTauGivesTheHardMaximumAndSmallTauUniformQ() {
        Random random = new Random(67);
        int n = 4;
        int k = 3;
        int l = 7;
        NDArray features = SlowNce.array(manager, SlowNce.random(random, n, k, 5, 2), DataType.FLOAT64);
        NDArray target = SlowNce.array(manager, SlowNce.random(random, n, 5, l, 2), DataType.FLOAT64);
        NDArray s = componentScores(features, target); // N×L×k
        double hardMax = -s.max(new int[] {2}).mean().getDouble();
        double average = s.mean().getDouble();

        MixtureNceLoss.Term hard =
                MixtureNceLoss.term(features, target, NceConfig.defaults(), MixtureConfig.of(true, k, 1e4));
        assertThat(hard.loss().getDouble()).isBetween(hardMax - Math.log(k) / 1e4, hardMax + 1e-12);

        MixtureNceLoss.Term uniform =
                MixtureNceLoss.term(features, target, NceConfig.defaults(), MixtureConfig.of(true, k, 1e-6));
        assertThat(uniform.entropy().getDouble()).isCloseTo(Math.log(k), within(1e-9));
        assertThat(uniform.weightedScore().getDouble()).isCloseTo(average, within(1e-6));
    }

    @Test
    void regulariserIsTheMeanOverComponents() {
        Random random = new Random(71);
        NDArray features = SlowNce.array(manager, SlowNce.random(random, 3, 2, 4, 3), DataType.FLOAT64);
        NDArray target = SlowNce.array(manager, SlowNce.random(random, 3, 4, 25, 3), DataType.FLOAT64);
        NceConfig config = NceConfig.defaults();
        double expected = 0;
        for (int j = 0; j < 2; j++) {
            double[][] component = new double[3][4];
            double[] flat = features.get(":, " + j + ", :").toDoubleArray();
            for (int a = 0; a < 3; a++) {
                System.arraycopy(flat, a * 4, component[a], 0, 4);
            }
            double[][][] trg = new double[3][4][25];
            double[] t = target.toDoubleArray();
            for (int a = 0; a < 3; a++) {
                for (int c = 0; c < 4; c++) {
                    System.arraycopy(t, (a * 4 + c) * 25, trg[a][c], 0, 25);
                }
            }
            expected += SlowNce.reg(component, trg, config.scoreRegWeight()) / 2;
        }
        MixtureNceLoss.Term term = MixtureNceLoss.term(features, target, config, MixtureConfig.of(true, 2, 1.0));
        assertThat(term.reg().getDouble()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void oneToFiveCanKeepThePlainLoss() {
        Random random = new Random(73);
        NDList x1 = SlowNce.View.random(random, 3, 4, 2).toNDList(manager, DataType.FLOAT64);
        NDList x2 = SlowNce.View.random(random, 3, 4, 2).toNDList(manager, DataType.FLOAT64);
        NDArray m1 = SlowNce.array(manager, SlowNce.random(random, 3, 2, 4, 2), DataType.FLOAT64);
        NDArray m2 = SlowNce.array(manager, SlowNce.random(random, 3, 2, 4, 2), DataType.FLOAT64);
        int[] loc = {0, 1, 2};
        Losses plain = new MultiscaleNceLoss(NceConfig.defaults()).compute(x1, x2, loc, loc);
        Losses only1t7 = new MixtureNceLoss(NceConfig.defaults(), new MixtureConfig(true, 2, 1.0, 1.0, false))
                .compute(x1, x2, m1, m2, loc, loc);
        Losses both = new MixtureNceLoss(NceConfig.defaults(), MixtureConfig.of(true, 2, 1.0))
                .compute(x1, x2, m1, m2, loc, loc);
        assertThat(value(only1t7, LossTerm.LOSS_1T5)).isCloseTo(value(plain, LossTerm.LOSS_1T5), within(1e-12));
        assertThat(value(only1t7, LossTerm.LOSS_5T5)).isCloseTo(value(plain, LossTerm.LOSS_5T5), within(1e-12));
        assertThat(value(only1t7, LossTerm.LOSS_1T7)).isCloseTo(value(both, LossTerm.LOSS_1T7), within(1e-12));
        assertThat(value(both, LossTerm.LOSS_1T5)).isNotCloseTo(value(plain, LossTerm.LOSS_1T5), within(1e-6));
    }

    @Test
    void rejectsBadConfigAndFeatures() {
        assertThatThrownBy(() -> MixtureConfig.of(true, 0, 1.0)).hasMessageContaining("components");
        assertThatThrownBy(() -> MixtureConfig.of(true, 4, 0.0)).hasMessageContaining("tau");
        assertThatThrownBy(() -> new MixtureConfig(true, 4, 1.0, -1, true)).hasMessageContaining("alpha");
        MixtureConfig defaults = MixtureConfig.defaults();
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.components()).isEqualTo(4);
        assertThat(defaults.tau()).isEqualTo(1.0);
        assertThat(defaults.alpha()).isEqualTo(1.0);

        NDList view = new NDList(
                manager.zeros(new Shape(3, 4)), manager.zeros(new Shape(3, 4, 5, 5)), manager.zeros(new Shape(3, 4, 7, 7)));
        MixtureNceLoss loss = new MixtureNceLoss(NceConfig.defaults(), MixtureConfig.of(true, 4, 1.0));
        NDArray wrongK = manager.zeros(new Shape(3, 2, 4));
        int[] loc = {0, 0, 0};
        assertThatThrownBy(() -> loss.compute(view, view, wrongK, wrongK, loc, loc))
                .hasMessageContaining("view 1 mixture features")
                .hasMessageContaining("(3, 4, 4)");
    }

    /** s_j(a,l) = −ℓ_j(a,l) of every component, N×L×k, from {@link NceTerm}. */
    private static NDArray componentScores(NDArray features, NDArray target) {
        int k = Math.toIntExact(features.getShape().get(1));
        NDList scores = new NDList();
        for (int j = 0; j < k; j++) {
            NDArray s = NceTerm.scores(features.get(":, " + j + ", :"), target);
            scores.add(NceTerm.perPositiveLoss(s, NceConfig.TCLIP).neg());
        }
        return NDArrays.stack(scores, 2);
    }

    /** Autograd gradients of f with respect to the first {@code count} inputs. */
    private double[][] autograd(Function<NDArray[], NDArray> f, NDArray[] inputs, int count) {
        NDArray[] leaves = new NDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = inputs[i].duplicate();
            if (i < count) {
                leaves[i].setRequiresGradient(true);
            }
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(f.apply(leaves));
        }
        double[][] gradients = new double[count][];
        for (int i = 0; i < count; i++) {
            gradients[i] = leaves[i].getGradient().toDoubleArray();
        }
        return gradients;
    }

    /** ∂f/∂inputs[which] by central differences, every coordinate. */
    private double[] centralDifferences(Function<NDArray[], NDArray> f, NDArray[] inputs, int which) {
        int size = Math.toIntExact(inputs[which].size());
        int[] all = new int[size];
        for (int c = 0; c < size; c++) {
            all[c] = c;
        }
        return centralDifferences(f, inputs, which, all);
    }

    /** ∂f/∂inputs[which] at the given flat coordinates by central differences with step 1e-5. */
    private double[] centralDifferences(Function<NDArray[], NDArray> f, NDArray[] inputs, int which, int[] coordinates) {
        double h = 1e-5;
        double[] base = inputs[which].toDoubleArray();
        double[] gradient = new double[coordinates.length];
        for (int i = 0; i < coordinates.length; i++) {
            int c = coordinates[i];
            gradient[i] = (evaluate(f, inputs, which, base, c, h) - evaluate(f, inputs, which, base, c, -h)) / (2 * h);
        }
        return gradient;
    }

    /** {@code count} distinct flat coordinates of an array of {@code size} values, or all of them. */
    private static int[] sample(Random random, long size, int count) {
        return random.ints(0, Math.toIntExact(size)).distinct().limit(Math.min(count, size)).sorted().toArray();
    }

    private static double[] pick(double[] values, int[] coordinates) {
        double[] picked = new double[coordinates.length];
        for (int i = 0; i < coordinates.length; i++) {
            picked[i] = values[coordinates[i]];
        }
        return picked;
    }

    private double evaluate(Function<NDArray[], NDArray> f, NDArray[] inputs, int which, double[] base, int c, double h) {
        try (NDManager scope = manager.newSubManager()) {
            double[] moved = base.clone();
            moved[c] += h;
            NDArray[] x = inputs.clone();
            x[which] = scope.create(moved, inputs[which].getShape());
            NDArray value = f.apply(x);
            value.attach(scope);
            return value.getDouble();
        }
    }

    private static double value(Losses losses, LossTerm term) {
        return losses.get(term).getDouble();
    }
}
