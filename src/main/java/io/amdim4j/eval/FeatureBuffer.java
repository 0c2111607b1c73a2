package io.amdim4j.eval;

import java.util.Arrays;

/** Grows a row-major feature array batch by batch, for sources that do not know N in advance. */
final class FeatureBuffer {

    private final int dimension;
    private float[] values = new float[0];
    private int[] labels = new int[0];
    private int count;

    FeatureBuffer(int dimension) {
        this.dimension = dimension;
    }

    /** Appends one batch: {@code batchLabels.length} rows of {@code dimension} values. */
    void add(float[] batchValues, int[] batchLabels) {
        int n = batchLabels.length;
        if (batchValues.length != (long) n * dimension) {
            throw new IllegalStateException("a batch of " + n + " images gave " + batchValues.length
                    + " feature values, expected " + n + "×" + dimension);
        }
        int needed = count + n;
        if (needed > labels.length) {
            int capacity = Math.max(needed, labels.length * 2);
            long floats = (long) capacity * dimension;
            if (floats > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException(needed + " feature vectors of width " + dimension
                        + " exceed one Java array; use a narrower feature set");
            }
            values = Arrays.copyOf(values, (int) floats);
            labels = Arrays.copyOf(labels, capacity);
        }
        System.arraycopy(batchValues, 0, values, count * dimension, batchValues.length);
        System.arraycopy(batchLabels, 0, labels, count, n);
        count = needed;
    }

    Features toFeatures() {
        return new Features(Arrays.copyOf(values, count * dimension), count, dimension,
                Arrays.copyOf(labels, count));
    }
}
