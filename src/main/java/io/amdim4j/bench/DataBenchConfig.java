package io.amdim4j.bench;

/**
 * How long {@link DataBenchmark} measures: untimed warm-up batches (JIT compilation, the first
 * prefetch), then a budget of batches or of seconds split into timed windows. This machine's
 * timing is noisy, so the result is the median over the windows rather than one long average.
 *
 * @param warmupBatches batches consumed before the clock starts
 * @param timedBatches batches to time, or 0 to time by {@code seconds}
 * @param seconds seconds to time, or 0 to time by {@code timedBatches}
 * @param windows timed windows (with a batch budget, at most one per batch)
 */
public record DataBenchConfig(int warmupBatches, int timedBatches, double seconds, int windows) {

    /** Untimed batches by default: enough to compile the augmentation loops and fill the prefetch queue. */
    public static final int DEFAULT_WARMUP_BATCHES = 10;
    /** Timed windows by default; their median is the reported rate. */
    public static final int DEFAULT_WINDOWS = 5;
    /** Timed seconds when neither a batch nor a time budget is given. */
    public static final double DEFAULT_SECONDS = 20;

    public DataBenchConfig {
        if (warmupBatches < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + warmupBatches);
        }
        if (timedBatches < 0 || seconds < 0 || Double.isNaN(seconds)) {
            throw new IllegalArgumentException("--batches and --seconds must be positive, got "
                    + timedBatches + " and " + seconds);
        }
        if ((timedBatches > 0) == (seconds > 0)) {
            throw new IllegalArgumentException("give exactly one budget, --batches or --seconds");
        }
        if (windows < 1) {
            throw new IllegalArgumentException("--windows must be >= 1, got " + windows);
        }
    }

    /** A budget of {@code batches} timed batches. */
    public static DataBenchConfig batches(int warmupBatches, int batches, int windows) {
        return new DataBenchConfig(warmupBatches, batches, 0, windows);
    }

    /** A budget of {@code seconds} timed seconds. */
    public static DataBenchConfig seconds(int warmupBatches, double seconds, int windows) {
        return new DataBenchConfig(warmupBatches, 0, seconds, windows);
    }

    /** Number of windows actually used: with a batch budget, never more than there are batches. */
    public int effectiveWindows() {
        return timedBatches > 0 ? Math.min(windows, timedBatches) : windows;
    }
}
