package io.amdim4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.amdim4j.WithNDManager;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The classifier loss of spec §6.1 against a plain double implementation. */
class ClippedCrossEntropyLossTest extends WithNDManager {

    /** CE(10·tanh(z/10), y) over rows with y ≥ 0 (0 if none) + 1e-3·mean(z²), by loops. */
    private static double slowLoss(double[][] z, int[] y) {
        double ce = 0;
        int labelled = 0;
        double squares = 0;
        int count = 0;
        for (int i = 0; i < z.length; i++) {
            double[] clipped = new double[z[i].length];
            double sumExp = 0;
            for (int c = 0; c < z[i].length; c++) {
                clipped[c] = 10 * Math.tanh(z[i][c] / 10);
                sumExp += Math.exp(clipped[c]);
                squares += z[i][c] * z[i][c];
                count++;
            }
            if (y[i] >= 0) {
                ce += Math.log(sumExp) - clipped[y[i]];
                labelled++;
            }
        }
        return (labelled == 0 ? 0 : ce / labelled) + 1e-3 * squares / count;
    }

    private NDArray logits(double[][] z, DataType dataType) {
        return SlowNce.array(manager, z, dataType);
    }

    @Test
    void handComputedValues() {
        // Zero logits: CE = log C, no penalty.
        NDArray zero = manager.zeros(new Shape(2, 3));
        assertThat((double) ClippedCrossEntropyLoss.clippedCrossEntropy(zero, manager.create(new int[] {1, 2})).getFloat())
                .isCloseTo(Math.log(3), within(1e-6));
        // z = 10·atanh(0.3) clips to exactly 3: CE = log(e^3 + 1) − 3, penalty = 1e-3·z²/2.
        double z = 10 * 0.5 * Math.log(1.3 / 0.7);
        NDArray one = manager.create(new double[] {z, 0}, new Shape(1, 2));
        double expected = Math.log(Math.exp(3) + 1) - 3 + 1e-3 * z * z / 2;
        assertThat(ClippedCrossEntropyLoss.clippedCrossEntropy(one, manager.create(new long[] {0})).getDouble())
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void matchesSlowLoopWithClipAndIgnoredRows() {
        Random random = new Random(79);
        double[][] z = SlowNce.random(random, 7, 5, 30); // |z| up to 30: the clip matters
        int[] y = {0, -1, 4, 2, -1, 3, 1};
        double expected = slowLoss(z, y);
        assertThat(ClippedCrossEntropyLoss.clippedCrossEntropy(logits(z, DataType.FLOAT64), manager.create(y)).getDouble())
                .isCloseTo(expected, within(1e-12));
        NDArray fp32 = ClippedCrossEntropyLoss.clippedCrossEntropy(
                logits(z, DataType.FLOAT32), manager.create(y).toType(DataType.FLOAT32, false));
        assertThat(fp32.getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat((double) fp32.getFloat()).isCloseTo(expected, within(1e-5 * expected));
    }

    @Test
    void unlabelledRowsOnlyEnterThePenalty() {
        Random random = new Random(83);
        double[][] z = SlowNce.random(random, 4, 3, 5);
        int[] y = {2, -1, -1, 0};
        double[][] labelledOnly = {z[0], z[3]};
        double ceOfLabelled = slowLoss(labelledOnly, new int[] {2, 0}) - 1e-3 * meanSquare(labelledOnly);
        double expected = ceOfLabelled + 1e-3 * meanSquare(z);
        assertThat(ClippedCrossEntropyLoss.clippedCrossEntropy(logits(z, DataType.FLOAT64), manager.create(y)).getDouble())
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void batchWithoutLabelsGivesThePenaltyAndFiniteGradients() {
        Random random = new Random(89);
        double[][] z = SlowNce.random(random, 3, 4, 5);
        NDArray x = logits(z, DataType.FLOAT32);
        x.setRequiresGradient(true);
        NDArray loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            loss = ClippedCrossEntropyLoss.clippedCrossEntropy(x, manager.create(new int[] {-1, -1, -1}));
            collector.backward(loss);
        }
        assertThat((double) loss.getFloat()).isFinite().isCloseTo(1e-3 * meanSquare(z), within(1e-8));
        float[] gradient = x.getGradient().toFloatArray();
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 4; c++) {
                // d(1e-3·mean z²)/dz = 2e-3·z/(N·C)
                assertThat((double) gradient[i * 4 + c]).isCloseTo(2e-3 * z[i][c] / 12, within(1e-9));
            }
        }
    }

    @Test
    void evaluateIsTheSameFunction() {
        Random random = new Random(97);
        double[][] z = SlowNce.random(random, 5, 3, 4);
        int[] y = {0, 1, 2, -1, 1};
        ClippedCrossEntropyLoss loss = new ClippedCrossEntropyLoss("linear");
        assertThat(loss.getName()).isEqualTo("linear");
        NDArray viaEvaluate = loss.evaluate(new NDList(manager.create(y)), new NDList(logits(z, DataType.FLOAT64)));
        assertThat(viaEvaluate.getDouble()).isCloseTo(slowLoss(z, y), within(1e-12));
    }

    @Test
    void accuracyCountsLabelledRowsByArgMaxOfRawLogits() {
        NDArray z = manager.create(
                new float[] {
                    5, 1, 0, // predicts 0
                    0, 9, 1, // predicts 1
                    0, 1, 7, // predicts 2
                    8, 0, 0, // predicts 0, unlabelled
                    30, 40, 0 // predicts 1: raw 40 > 30 although both clip close to 10
                },
                new Shape(5, 3));
        ClippedCrossEntropyLoss.LabelledAccuracy accuracy =
                ClippedCrossEntropyLoss.accuracy(z, manager.create(new int[] {0, 2, 2, -1, 1}));
        assertThat(accuracy).isEqualTo(new ClippedCrossEntropyLoss.LabelledAccuracy(3, 4));
        assertThat(accuracy.fraction()).isEqualTo(0.75);
        assertThat(accuracy.plus(new ClippedCrossEntropyLoss.LabelledAccuracy(1, 4)).fraction()).isEqualTo(0.5);
        assertThat(ClippedCrossEntropyLoss.accuracy(z, manager.create(new int[] {-1, -1, -1, -1, -1})).fraction()).isNaN();
    }

    @Test
    void rejectsBadLabels() {
        NDArray z = manager.zeros(new Shape(2, 3));
        assertThatThrownBy(() -> ClippedCrossEntropyLoss.clippedCrossEntropy(z, manager.create(new int[] {0, 3})))
                .hasMessageContaining("row 1")
                .hasMessageContaining("[0, 3)");
        assertThatThrownBy(() -> ClippedCrossEntropyLoss.clippedCrossEntropy(z, manager.create(new int[] {-2, 0})))
                .hasMessageContaining("row 0");
        assertThatThrownBy(() -> ClippedCrossEntropyLoss.clippedCrossEntropy(z, manager.create(new int[] {0})))
                .hasMessageContaining("one label per logit row");
    }

    private static double meanSquare(double[][] z) {
        double sum = 0;
        int count = 0;
        for (double[] row : z) {
            for (double v : row) {
                sum += v * v;
                count++;
            }
        }
        return sum / count;
    }
}
