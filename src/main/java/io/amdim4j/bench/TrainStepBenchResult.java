package io.amdim4j.bench;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Timings of {@code amdim bench train-step}.
 *
 * @param config what was timed
 * @param stepSeconds wall time of each timed update, in order
 * @param lastLoss total loss of the last update (a sanity figure: finite, and not a stub)
 * @param peakRssMb peak resident memory of the process (VmHWM) after the run, if known
 */
public record TrainStepBenchResult(
        TrainStepBenchConfig config, double[] stepSeconds, double lastLoss, OptionalDouble peakRssMb) {

    public TrainStepBenchResult {
        stepSeconds = stepSeconds.clone();
        if (stepSeconds.length == 0) {
            throw new IllegalArgumentException("no timed updates");
        }
    }

    @Override
    public double[] stepSeconds() {
        return stepSeconds.clone();
    }

    /** Median seconds per update: robust to the odd slow update on a shared machine. */
    public double medianSeconds() {
        double[] sorted = stepSeconds.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Fastest update, seconds. */
    public double minSeconds() {
        return Arrays.stream(stepSeconds).min().orElseThrow();
    }

    /** Slowest update, seconds. */
    public double maxSeconds() {
        return Arrays.stream(stepSeconds).max().orElseThrow();
    }

    /** Two-view pairs per second at the median. */
    public double pairsPerSecond() {
        return config.batch() / medianSeconds();
    }

    /** Counted FLOPs ({@link StepFlops}) per second at the median, in units of 10⁹. */
    public double gflopsPerSecond() {
        return config.flopsPerUpdate() / medianSeconds() / 1e9;
    }
}
