package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.Arrays;

/**
 * The loss of each online classifier head, spec §6.1: CE(10·tanh(z/10), y) + 1e-3·mean(z²).
 *
 * <p>The cross-entropy averages over the rows with a label y ≥ 0; rows labelled −1 (unlabelled
 * images) are ignored, and a batch without any labelled row has CE = 0 rather than NaN (spec §6.1,
 * §9 #15). The logit penalty averages over all rows, unlabelled ones included, and all classes.
 * One function serves the online heads and the offline protocol (§6.3).
 */
public final class ClippedCrossEntropyLoss extends Loss {

    /** Logits enter the softmax as LOGIT_CLIP·tanh(z/LOGIT_CLIP) (spec §6.1). */
    static final double LOGIT_CLIP = 10.0;

    /** Weight of the mean squared logit penalty (spec §6.1). */
    static final double LOGIT_PENALTY_WEIGHT = 1e-3;

    /** Label of a row without a class (spec §6.1). */
    static final int UNLABELLED = -1;

    /** Creates the loss under the name "ClippedCrossEntropyLoss". */
    public ClippedCrossEntropyLoss() {
        this("ClippedCrossEntropyLoss");
    }

    /**
     * Creates the loss under a name, e.g. one per head.
     *
     * @param name the name shown by DJL's accumulators
     */
    ClippedCrossEntropyLoss(String name) {
        super(name);
    }

    /**
     * {@inheritDoc}
     *
     * <p>labels = [y (N)], predictions = [z (N×C)].
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return clippedCrossEntropy(predictions.singletonOrThrow(), labels.singletonOrThrow());
    }

    /**
     * CE(10·tanh(z/10), y) over labelled rows + 1e-3·mean(z²) over all rows and classes (spec §6.1).
     *
     * @param logits raw logits z, N×C
     * @param labels class indices in [0, C) or {@link #UNLABELLED}, N values of any numeric type
     * @return a scalar in the logits' data type
     */
    public static NDArray clippedCrossEntropy(NDArray logits, NDArray labels) {
        long[] y = checkedLabels(logits, labels);
        int classes = Math.toIntExact(logits.getShape().get(1));
        NDArray clipped = GraphScalar.times(GraphScalar.times(logits, 1.0 / LOGIT_CLIP).tanh(), LOGIT_CLIP);
        NDArray logProbability = clipped.logSoftmax(1); // N×C

        NDArray index = logits.getManager().create(y);
        NDArray labelled = index.gte(0).toType(logits.getDataType(), false); // N, 0/1
        NDArray truth = index.maximum(0).oneHot(classes, logits.getDataType()); // unlabelled rows point at class 0 …
        NDArray picked = logProbability.mul(truth).sum(new int[] {1}).mul(labelled); // … and are zeroed here
        long labelledRows = Arrays.stream(y).filter(v -> v >= 0).count();
        NDArray crossEntropy = GraphScalar.times(picked.sum(), -1.0 / Math.max(labelledRows, 1));

        NDArray penalty = GraphScalar.times(logits.square().mean(), LOGIT_PENALTY_WEIGHT);
        return crossEntropy.add(penalty);
    }

    /**
     * Top-1 accuracy over the labelled rows, by arg-max of the raw logits (tanh is monotone; spec
     * §6.1).
     *
     * @param logits raw logits z, N×C
     * @param labels class indices in [0, C) or {@link #UNLABELLED}
     * @return counts of correct and labelled rows
     */
    public static LabelledAccuracy accuracy(NDArray logits, NDArray labels) {
        long[] y = checkedLabels(logits, labels);
        long[] predicted = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
        long correct = 0;
        long labelled = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= 0) {
                labelled++;
                if (predicted[i] == y[i]) {
                    correct++;
                }
            }
        }
        return new LabelledAccuracy(correct, labelled);
    }

    /**
     * Correct and labelled row counts, to be summed over batches before dividing.
     *
     * @param correct labelled rows whose arg-max equals the label
     * @param labelled rows with a label y ≥ 0
     */
    public record LabelledAccuracy(long correct, long labelled) {

        /** correct / labelled, or NaN when no row is labelled. */
        public double fraction() {
            return labelled == 0 ? Double.NaN : (double) correct / labelled;
        }

        /** The counts of both batches together. */
        public LabelledAccuracy plus(LabelledAccuracy other) {
            return new LabelledAccuracy(correct + other.correct, labelled + other.labelled);
        }
    }

    private static long[] checkedLabels(NDArray logits, NDArray labels) {
        Shape shape = logits.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("classifier logits must be N×C, got " + shape);
        }
        if (labels.size() != shape.get(0)) {
            throw new IllegalArgumentException(
                    "need one label per logit row: logits " + shape + ", labels " + labels.getShape());
        }
        long[] y = labels.toType(DataType.INT64, false).toLongArray();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < UNLABELLED || y[i] >= shape.get(1)) {
                throw new IllegalArgumentException(String.format(
                        "label of row %d is %d: must be in [0, %d) or %d (unlabelled)",
                        i, y[i], shape.get(1), UNLABELLED));
            }
        }
        return y;
    }
}
