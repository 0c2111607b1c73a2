package io.amdim4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.amdim4j.WithNDManager;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The total loss of spec §3.3, its sanity values (§3.5) and its properties. */
class MultiscaleNceLossTest extends WithNDManager {

    @Test
    void matchesSlowLoopOverAllSixDirectedTerms() {
        Random random = new Random(17);
        int n = 3;
        SlowNce.View v1 = SlowNce.View.random(random, n, 6, 3);
        SlowNce.View v2 = SlowNce.View.random(random, n, 6, 3);
        int[] loc1 = {0, 24, 13};
        int[] loc2 = {7, 7, 19};
        NceConfig config = new NceConfig(5, NceConfig.PAPER_SCORE_REG_WEIGHT);
        double[] expected = SlowNce.multiscale(v1, v2, loc1, loc2, config);

        Losses losses = new MultiscaleNceLoss(config)
                .compute(v1.toNDList(manager, DataType.FLOAT64), v2.toNDList(manager, DataType.FLOAT64), loc1, loc2);

        assertThat(parts(losses)).containsExactly(expected, within(1e-10));
    }

    @Test
    void allZeroFeaturesGiveSpecSanityValue() {
        int n = 4;
        NDList zeros = new NDList(
                manager.zeros(new Shape(n, 8)), manager.zeros(new Shape(n, 8, 5, 5)), manager.zeros(new Shape(n, 8, 7, 7)));
        Losses losses = new MultiscaleNceLoss(NceConfig.defaults()).compute(zeros, zeros, new SplittableRandom(1));

        double expected = 2 * Math.log(1 + 25 * (n - 1)) + Math.log(1 + 49 * (n - 1));
        assertThat(expected).isCloseTo(13.65868, within(5e-6)); // the value printed in spec §3.5
        assertThat((double) losses.total().getFloat()).isCloseTo(expected, within(1e-5));
        assertThat((double) losses.get(LossTerm.LOSS_1T5).getFloat())
                .isCloseTo(Math.log(1 + 25 * (n - 1)), within(1e-5));
        assertThat((double) losses.get(LossTerm.LOSS_1T7).getFloat())
                .isCloseTo(Math.log(1 + 49 * (n - 1)), within(1e-5));
        assertThat((double) losses.get(LossTerm.LOSS_5T5).getFloat())
                .isCloseTo(Math.log(1 + 25 * (n - 1)), within(1e-5));
        assertThat(losses.get(LossTerm.SCORE_REG).getFloat()).isZero();
        assertThat(losses.total().getDataType()).isEqualTo(DataType.FLOAT32);
    }

    @Test
    void swappingTheViewsChangesNothing() {
        Random random = new Random(23);
        SlowNce.View v1 = SlowNce.View.random(random, 5, 4, 2);
        SlowNce.View v2 = SlowNce.View.random(random, 5, 4, 2);
        int[] loc1 = {1, 2, 3, 4, 5};
        int[] loc2 = {24, 0, 12, 12, 6};
        MultiscaleNceLoss loss = new MultiscaleNceLoss(NceConfig.defaults());
        NDList x1 = v1.toNDList(manager, DataType.FLOAT64);
        NDList x2 = v2.toNDList(manager, DataType.FLOAT64);

        double[] forward = parts(loss.compute(x1, x2, loc1, loc2));
        double[] swapped = parts(loss.compute(x2, x1, loc2, loc1));

        assertThat(swapped).containsExactly(forward, within(1e-12));
    }

    @Test
    void drawsOneLocationPerImageForViewOneThenViewTwo() {
        Random random = new Random(29);
        int n = 6;
        NDList x1 = SlowNce.View.random(random, n, 4, 2).toNDList(manager, DataType.FLOAT64);
        NDList x2 = SlowNce.View.random(random, n, 4, 2).toNDList(manager, DataType.FLOAT64);
        MultiscaleNceLoss loss = new MultiscaleNceLoss(NceConfig.defaults());

        SplittableRandom draws = new SplittableRandom(99);
        int[] loc1 = MultiscaleNceLoss.drawSourceLocations(n, draws);
        int[] loc2 = MultiscaleNceLoss.drawSourceLocations(n, draws);

        assertThat(parts(loss.compute(x1, x2, new SplittableRandom(99))))
                .containsExactly(parts(loss.compute(x1, x2, loc1, loc2)), within(1e-12));
    }

    @Test
    void drawnLocationsCoverTheWholeFiveByFiveMapUniformly() {
        int draws = 25_000;
        int[] counts = new int[25];
        for (int u : MultiscaleNceLoss.drawSourceLocations(draws, new SplittableRandom(3))) {
            counts[u]++;
        }
        // Each count is Binomial(25000, 1/25): mean 1000, sd ≈ 31; 6 sd bounds never trip by chance.
        assertThat(Arrays.stream(counts).min().orElseThrow()).isGreaterThan(800);
        assertThat(Arrays.stream(counts).max().orElseThrow()).isLessThan(1200);
    }

    @Test
    void sourceGatherPicksTheLocationAndPassesGradientThereOnly() {
        Random random = new Random(37);
        int n = 3;
        int r = 4;
        SlowNce.View view = SlowNce.View.random(random, n, r, 1);
        NDList x = view.toNDList(manager, DataType.FLOAT64);
        x.get(1).setRequiresGradient(true);
        int[] locations = {3, 17, 24};
        double[][] weights = SlowNce.random(random, n, r, 1);
        NDArray sources;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            sources = ViewEmbeddings.of(x, "view").sources5(locations);
            collector.backward(sources.mul(SlowNce.array(manager, weights, DataType.FLOAT64)).sum());
        }
        double[][] expected = view.sources5(locations);
        assertThat(sources.getShape()).isEqualTo(new Shape(n, r));
        double[] picked = sources.toDoubleArray();
        double[] gradient = x.get(1).getGradient().toDoubleArray();
        for (int img = 0; img < n; img++) {
            for (int c = 0; c < r; c++) {
                assertThat(picked[img * r + c]).isEqualTo(expected[img][c]);
                for (int u = 0; u < 25; u++) {
                    double g = gradient[(img * r + c) * 25 + u];
                    assertThat(g).as("image %d channel %d location %d", img, c, u)
                            .isEqualTo(u == locations[img] ? weights[img][c] : 0.0);
                }
            }
        }
    }

    @Test
    void gradientStepsOnFreeFeaturesLowerTheLoss() {
        Random random = new Random(41);
        int n = 4;
        int r = 8;
        NDList x1 = SlowNce.View.random(random, n, r, 1).toNDList(manager, DataType.FLOAT32);
        NDList x2 = SlowNce.View.random(random, n, r, 1).toNDList(manager, DataType.FLOAT32);
        MultiscaleNceLoss loss = new MultiscaleNceLoss(NceConfig.defaults());
        int[] loc1 = {0, 6, 12, 18};
        int[] loc2 = {24, 3, 9, 12};
        float first = Float.NaN;
        float last = Float.NaN;
        for (int step = 0; step < 20; step++) {
            try (NDManager stepManager = manager.newSubManager()) {
                NDList p1 = leaves(x1, stepManager);
                NDList p2 = leaves(x2, stepManager);
                float value;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray total = loss.compute(p1, p2, loc1, loc2).total();
                    collector.backward(total);
                    value = total.getFloat();
                }
                if (step == 0) {
                    first = value;
                }
                last = value;
                x1 = descend(p1, manager);
                x2 = descend(p2, manager);
            }
        }
        assertThat(last).isFinite().isLessThan(first / 2);
    }

    private static NDList leaves(NDList values, NDManager stepManager) {
        NDList leaves = new NDList();
        for (NDArray value : values) {
            NDArray leaf = value.duplicate();
            leaf.attach(stepManager);
            leaf.setRequiresGradient(true);
            leaves.add(leaf);
        }
        return leaves;
    }

    private static NDList descend(NDList parameters, NDManager keep) {
        float learningRate = 20f;
        NDList next = new NDList();
        for (NDArray p : parameters) {
            NDArray updated = p.stopGradient().sub(p.getGradient().mul(learningRate));
            updated.attach(keep);
            next.add(updated);
        }
        return next;
    }

    @Test
    void rejectsBadViewsAndLocations() {
        MultiscaleNceLoss loss = new MultiscaleNceLoss(NceConfig.defaults());
        NDList good = new NDList(
                manager.zeros(new Shape(3, 4)), manager.zeros(new Shape(3, 4, 5, 5)), manager.zeros(new Shape(3, 4, 7, 7)));
        NDList badR5 = new NDList(
                manager.zeros(new Shape(3, 4)), manager.zeros(new Shape(3, 4, 4, 4)), manager.zeros(new Shape(3, 4, 7, 7)));
        NDList otherBatch = new NDList(
                manager.zeros(new Shape(2, 4)), manager.zeros(new Shape(2, 4, 5, 5)), manager.zeros(new Shape(2, 4, 7, 7)));
        int[] loc = {0, 1, 2};
        assertThatThrownBy(() -> loss.compute(good, badR5, loc, loc))
                .hasMessageContaining("view 2 r5")
                .hasMessageContaining("(3, 4, 5, 5)");
        assertThatThrownBy(() -> loss.compute(good, otherBatch, loc, loc)).hasMessageContaining("disagree");
        assertThatThrownBy(() -> loss.compute(good, new NDList(good.get(0)), loc, loc)).hasMessageContaining("[r1, r5, r7]");
        assertThatThrownBy(() -> loss.compute(good, good, new int[] {0, 25, 1}, loc))
                .hasMessageContaining("view 1 source location of image 1")
                .hasMessageContaining("25");
        assertThatThrownBy(() -> loss.compute(good, good, loc, new int[] {0, 1})).hasMessageContaining("N = 3");
    }

    @Test
    void rejectsBadConfig() {
        assertThatThrownBy(() -> new NceConfig(0, 0.05)).hasMessageContaining("tclip");
        assertThatThrownBy(() -> new NceConfig(20, -1)).hasMessageContaining("scoreRegWeight");
        assertThatThrownBy(() -> new NceConfig(Double.NaN, 0.05)).hasMessageContaining("tclip");
        assertThat(NceConfig.defaults()).isEqualTo(new NceConfig(20, 0.05));
    }

    static double[] parts(Losses losses) {
        return Arrays.stream(new NDArray[] {
                    losses.get(LossTerm.LOSS_1T5), losses.get(LossTerm.LOSS_1T7), losses.get(LossTerm.LOSS_5T5),
                    losses.get(LossTerm.SCORE_REG), losses.total()
                })
                .mapToDouble(a -> a.toType(DataType.FLOAT64, false).getDouble())
                .toArray();
    }
}
