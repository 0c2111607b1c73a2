package io.amdim4j.report;

/**
 * Centred moving average for the training curves: value i becomes the mean of the values within
 * {@code half} places of it, the window shrinking at both ends so the smoothed curve neither lags
 * the raw one nor starts late.
 */
final class MovingAverage {

    /**
     * A curve is smoothed over about 1/50 of its length: enough to read trends at batch 64, short
     * enough to keep the warm-up visible.
     */
    public static final int WINDOWS_PER_CURVE = 50;

    private MovingAverage() {}

    /** The window half-width for a curve of {@code n} points: (n / {@value #WINDOWS_PER_CURVE}) / 2. */
    public static int halfWidth(int n) {
        return n / WINDOWS_PER_CURVE / 2;
    }

    /**
     * The smoothed values.
     *
     * @param values raw values, all finite
     * @param half points on each side of the centre (0 returns a copy)
     * @return out[i] = mean of values[max(0, i − half) .. min(n − 1, i + half)]
     */
    public static double[] centred(double[] values, int half) {
        if (half < 0) {
            throw new IllegalArgumentException("half-width must be >= 0, got " + half);
        }
        int n = values.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + values[i];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(n - 1, i + half);
            out[i] = (prefix[to + 1] - prefix[from]) / (to - from + 1);
        }
        return out;
    }
}
