package io.amdim4j.run;

import java.util.Arrays;

/** The median of timings: robust to the odd slow update or window on a shared machine. */
public final class Median {

    private Median() {}

    /**
     * The middle value, or the mean of the two middle values for an even count.
     *
     * @param values at least one value; not changed
     * @return the median
     */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
