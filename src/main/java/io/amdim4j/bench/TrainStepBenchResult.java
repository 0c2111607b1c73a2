package io.amdim4j.bench;

import io.amdim4j.run.Median;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Timings of {@code amdim bench train-step}.
 *
 * @param config what was timed
 * @param stepSeconds wall time of each timed update, in order
 * @param lastLoss total loss of the last update (a sanity figure: finite, and not a stub)
 * @param peakRssMb peak resident memory of the process (VmHWM) after the run, if known
 * @param ranks data-parallel processes that took each update together, each on {@code config.batch()} pairs
 *     (the gradient all-reduce is inside each timed update)
 * @param engineThreads the engine's threads after the last update (with adaptive threads, the governor's last
 *     choice)
 */
public record TrainStepBenchResult(
        TrainStepBenchConfig config, double[] stepSeconds, double lastLoss, OptionalDouble peakRssMb, int ranks,
        int engineThreads) {

    public TrainStepBenchResult {
        stepSeconds = stepSeconds.clone();
        if (stepSeconds.length == 0) {
            throw new IllegalArgumentException("no timed updates");
        }
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks must be >= 1, got " + ranks);
        }
        if (engineThreads < 1) {
            throw new IllegalArgumentException("engineThreads must be >= 1, got " + engineThreads);
        }
    }

    @Override
    public double[] stepSeconds() {
        return stepSeconds.clone();
    }

    /** Median seconds per update: robust to the odd slow update on a shared machine. */
    public double medianSeconds() {
        return Median.of(stepSeconds);
    }

    /** Fastest update, seconds. */
    public double minSeconds() {
        return Arrays.stream(stepSeconds).min().orElseThrow();
    }

    /** Slowest update, seconds. */
    public double maxSeconds() {
        return Arrays.stream(stepSeconds).max().orElseThrow();
    }

    /** Two-view pairs per second at the median, of all ranks together. */
    public double pairsPerSecond() {
        return (double) config.batch() * ranks / medianSeconds();
    }

    /** Counted FLOPs ({@link StepFlops}) per second at the median, of all ranks together, in units of 10⁹. */
    public double gflopsPerSecond() {
        return config.flopsPerUpdate() * ranks / medianSeconds() / 1e9;
    }
}
