package io.amdim4j.bench;

/**
 * How long {@link DataBenchmark} measures: an untimed warm-up (JIT compilation, heap growth, the
 * first prefetch), then a budget of batches or of seconds split into timed windows. The warm-up is
 * in seconds because a batch costs ~15x more on JPEG archives than on Fashion-MNIST. This machine's
 * timing is noisy, so the result is the median over the windows rather than one long average.
 *
 * @param warmupSeconds seconds of batches consumed before the clock starts
 * @param timedBatches batches to time, or 0 to time by {@code seconds}
 * @param seconds seconds to time, or 0 to time by {@code timedBatches}
 * @param windows timed windows (with a batch budget, at most one per batch)
 */
public record DataBenchConfig(double warmupSeconds, int timedBatches, double seconds, int windows) {

    /** Untimed seconds by default: enough to compile the decoding and augmentation loops and size the heap. */
    public static final double DEFAULT_WARMUP_SECONDS = 3;
    /** Timed windows by default; their median is the reported rate. */
    public static final int DEFAULT_WINDOWS = 5;
    /** Timed seconds when neither a batch nor a time budget is given. */
    public static final double DEFAULT_SECONDS = 20;

    public DataBenchConfig {
        if (!(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("--warmup-seconds must be >= 0, got " + warmupSeconds);
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
    static DataBenchConfig batches(double warmupSeconds, int batches, int windows) {
        return new DataBenchConfig(warmupSeconds, batches, 0, windows);
    }

    /** A budget of {@code seconds} timed seconds. */
    public static DataBenchConfig seconds(double warmupSeconds, double seconds, int windows) {
        return new DataBenchConfig(warmupSeconds, 0, seconds, windows);
    }

    /** Number of windows actually used: with a batch budget, never more than there are batches. */
    int effectiveWindows() {
        return timedBatches > 0 ? Math.min(windows, timedBatches) : windows;
    }
}
