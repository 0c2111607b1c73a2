package io.amdim4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Feature vectors with their labels, in host memory: row i is {@code values[i·dimension ..
 * (i+1)·dimension)}. One flat array rather than {@code float[N][D]} because it goes to the engine
 * in one copy and 60k × 3072 floats stay a single allocation.
 *
 * <p>Records compare arrays by identity; compare {@link #values()} with {@code Arrays.equals}.
 *
 * @param values N·D floats, row-major
 * @param count N
 * @param dimension D
 * @param labels N labels; {@link io.amdim4j.data.Sample#UNLABELLED} (−1) for unlabelled rows
 */
public record Features(float[] values, int count, int dimension, int[] labels) {

    /** Validates the geometry and the labels. */
    public Features {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        if (count < 0 || dimension < 1) {
            throw new IllegalArgumentException(
                    "features need count ≥ 0 and dimension ≥ 1, got " + count + "×" + dimension);
        }
        if ((long) count * dimension != values.length) {
            throw new IllegalArgumentException("features hold " + values.length + " values, expected "
                    + count + "×" + dimension);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(
                    "features have " + labels.length + " labels for " + count + " rows");
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < -1) {
                throw new IllegalArgumentException("row " + i + " has label " + labels[i]
                        + "; labels are class indices ≥ 0 or −1 (unlabelled)");
            }
        }
    }

    /**
     * Features from one array per row.
     *
     * @param rows N rows of equal length
     * @param labels N labels
     * @return the features
     */
    static Features of(float[][] rows, int[] labels) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows: the dimension is unknown");
        }
        int d = rows[0].length;
        float[] values = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows[i].length + " values, row 0 has " + d);
            }
            System.arraycopy(rows[i], 0, values, i * d, d);
        }
        return new Features(values, rows.length, d, labels.clone());
    }

    /**
     * A copy of row i.
     *
     * @param i row index
     * @return its D values
     */
    float[] row(int i) {
        Objects.checkIndex(i, count);
        return Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
    }

    /**
     * The given rows, in the given order.
     *
     * @param rows row indices (repeats allowed)
     * @return new features
     */
    Features subset(int[] rows) {
        float[] out = new float[rows.length * dimension];
        int[] outLabels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Objects.checkIndex(rows[i], count);
            System.arraycopy(values, rows[i] * dimension, out, i * dimension, dimension);
            outLabels[i] = labels[rows[i]];
        }
        return new Features(out, rows.length, dimension, outLabels);
    }

    /**
     * The rows with a class label; probes and kNN never see unlabelled rows (spec §6.1).
     *
     * @return the labelled rows, in order
     */
    Features labelled() {
        return subset(labelledRows());
    }

    /**
     * Indices of the rows with a class label.
     *
     * @return row indices in increasing order
     */
    int[] labelledRows() {
        return IntStream.range(0, count).filter(i -> labels[i] >= 0).toArray();
    }

    /**
     * Number of classes implied by the labels: the largest label plus one (0 when none).
     *
     * @return max label + 1
     */
    int classCount() {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /**
     * The values as one N×D engine array.
     *
     * @param manager owner of the new array
     * @return N×D float32
     */
    NDArray toNDArray(NDManager manager) {
        return manager.create(values, new Shape(count, dimension));
    }

    /**
     * The labels as an N-vector.
     *
     * @param manager owner of the new array
     * @return N int32
     */
    NDArray labelArray(NDManager manager) {
        return manager.create(labels);
    }
}
