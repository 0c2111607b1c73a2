package io.amdim4j.bench;

import io.amdim4j.run.Median;
import java.util.List;

/**
 * What {@link DataBenchmark} measured. A pair is one image's two augmented views, so pairs per
 * second is images per second through the pre-training loader.
 *
 * @param warmupBatches untimed batches consumed first
 * @param windows the timed windows, in order
 * @param epochsStarted epochs the loader was asked for (the run continues across epoch ends, as training does)
 */
public record DataBenchResult(int warmupBatches, List<Window> windows, int epochsStarted) {

    /**
     * One timed window.
     *
     * @param batches batches received in the window
     * @param pairs images (two-view pairs) in those batches
     * @param nanos wall time of the window
     */
    public record Window(int batches, long pairs, long nanos) {

        /** Pairs per second over this window. */
        public double pairsPerSecond() {
            return pairs * 1e9 / nanos;
        }
    }

    public DataBenchResult {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a benchmark result needs at least one window");
        }
    }

    /** Median over the windows of pairs per second (the headline number). */
    public double medianPairsPerSecond() {
        return Median.of(windows.stream().mapToDouble(Window::pairsPerSecond).toArray());
    }

    public double minPairsPerSecond() {
        return windows.stream().mapToDouble(Window::pairsPerSecond).min().orElseThrow();
    }

    public double maxPairsPerSecond() {
        return windows.stream().mapToDouble(Window::pairsPerSecond).max().orElseThrow();
    }

    public int timedBatches() {
        return windows.stream().mapToInt(Window::batches).sum();
    }

    public long timedPairs() {
        return windows.stream().mapToLong(Window::pairs).sum();
    }

    public double timedSeconds() {
        return windows.stream().mapToLong(Window::nanos).sum() / 1e9;
    }
}
