package io.amdim4j.runtime;

import io.amdim4j.run.Median;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Chooses the engine's thread count by timing the updates, so that a busy neighbour does not stall
 * training. With OpenMP every parallel region waits for its slowest thread; when another program holds
 * one of the cores, the engine thread that shares it holds up every region, and an update on 2 cores
 * became 3–4x slower than idle (issue 13), slower than on one thread alone.
 *
 * <p>The governor probes each candidate count ({@code max}, {@code max − 1}, {@code max / 2}, 1) for a few
 * updates, keeps the fastest (more threads unless fewer are clearly faster), and probes again every
 * {@link Settings#holdUpdates} updates or at once when the updates become {@link Settings#slowdown} times
 * slower than the chosen count's probe: the neighbour may come or go. The first update after a change
 * is not counted, since it pays for the thread pool's resizing.
 *
 * <p>It is opt-in ({@code --engine-threads auto}): a different thread count sums in another order, so
 * the losses differ in their last bits, the differences grow as updates compound them (21.738 against
 * 21.759 after 250 CIFAR-10 updates), and a run is no longer bit-for-bit reproducible or resumable.
 */
public final class ThreadGovernor implements AutoCloseable {

    /**
     * How the governor probes.
     *
     * @param probeUpdates updates timed per candidate (their median counts)
     * @param holdUpdates updates between two probes
     * @param window recent updates whose median is compared with the chosen count's probe
     * @param slowdown probe again when that median exceeds the probe by this factor
     * @param margin fewer threads win only when faster than more threads by this factor
     */
    public record Settings(int probeUpdates, int holdUpdates, int window, double slowdown, double margin) {

        /** Three updates per candidate, a new probe every 200 updates or after a 1.5x slowdown over 5 updates. */
        public static final Settings DEFAULT = new Settings(3, 200, 5, 1.5, 1.05);

        public Settings {
            if (probeUpdates < 1 || window < 1 || holdUpdates < window) {
                throw new IllegalArgumentException("need probeUpdates >= 1 and holdUpdates >= window >= 1, got "
                        + probeUpdates + ", " + holdUpdates + ", " + window);
            }
            if (!(slowdown > 1) || !(margin >= 1)) {
                throw new IllegalArgumentException("need slowdown > 1 and margin >= 1, got " + slowdown + ", " + margin);
            }
        }
    }

    private final int[] candidates;
    private final Settings settings;
    private final IntConsumer engine;
    private final LongSupplier nanoClock;
    private final PrintWriter log;
    private final String name;

    private int threads;
    /** Index of the candidate being probed; -1 while holding a choice. */
    private int probing;
    private final double[] probeSeconds;
    private final List<Double> samples = new ArrayList<>();
    private boolean skipNext;
    private double chosenSeconds;
    /** The count the last probe chose; 0 before the first choice. */
    private int chosen;
    private int held;
    private long lastStepNanos = -1;

    /**
     * A governor of the real engine, timing with {@link System#nanoTime()}; it starts probing at once.
     *
     * @param max the most threads to use (the count the engine was started with)
     * @param log where each change is reported
     * @param name the command, as the log's prefix
     * @return the governor; a run tells it of every update ({@code train.ThreadGovernorListener})
     */
    public static ThreadGovernor forEngine(int max, PrintWriter log, String name) {
        return new ThreadGovernor(max, Settings.DEFAULT, EngineThreads::set, System::nanoTime, log, name);
    }

    /**
     * A governor of any thread setting, for tests and benchmarks.
     *
     * @param max the most threads
     * @param settings how to probe
     * @param engine sets the thread count
     * @param nanoClock monotonic nanoseconds, for {@link #updateEnded}
     * @param log where each change is reported
     * @param name the log's prefix
     */
    public ThreadGovernor(int max, Settings settings, IntConsumer engine, LongSupplier nanoClock, PrintWriter log,
            String name) {
        this.candidates = candidates(max);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.log = Objects.requireNonNull(log, "log");
        this.name = Objects.requireNonNull(name, "name");
        this.probeSeconds = new double[candidates.length];
        this.threads = candidates[0];
        log.printf("%s: engine threads chosen by timing the updates, of %s%n", name,
                String.join(", ", Arrays.stream(candidates).mapToObj(Integer::toString).toList()));
        log.flush();
        startProbe();
    }

    /** The counts tried, most first: {@code max}, {@code max − 1}, {@code max / 2} and 1, each once. */
    static int[] candidates(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max threads must be >= 1, got " + max);
        }
        return Arrays.stream(new int[] {max, max - 1, max / 2, 1}).filter(t -> t >= 1).distinct().toArray();
    }

    /** The thread count in effect. */
    public int threads() {
        return threads;
    }

    /** Whether the governor is timing candidates rather than holding a choice. */
    public boolean isProbing() {
        return probing >= 0;
    }

    /**
     * Counts one update's wall time.
     *
     * @param seconds the update's duration
     */
    public void observe(double seconds) {
        if (candidates.length == 1) {
            return; // nothing to choose between
        }
        if (skipNext) {
            skipNext = false;
            return;
        }
        if (isProbing()) {
            samples.add(seconds);
            if (samples.size() == settings.probeUpdates()) {
                probeSeconds[probing] = median(samples);
                if (probing + 1 < candidates.length) {
                    probe(probing + 1);
                } else {
                    choose();
                }
            }
            return;
        }
        held++;
        samples.add(seconds);
        if (samples.size() > settings.window()) {
            samples.remove(0);
        }
        boolean slower = samples.size() == settings.window() && median(samples) > settings.slowdown() * chosenSeconds;
        if (slower || held >= settings.holdUpdates()) {
            startProbe();
        }
    }

    /**
     * Times the interval since the previous update ended; the first update of an epoch is not counted.
     * The interval is wall time, loader waits included, rather than the loop's {@code pairsPerSecond},
     * which times the step alone: the engine's thread count also decides how much CPU the loader
     * threads get.
     */
    public void updateEnded() {
        long now = nanoClock.getAsLong();
        if (lastStepNanos >= 0) {
            observe((now - lastStepNanos) / 1e9);
        }
        lastStepNanos = now;
    }

    /** Something that is not an update (an epoch's test and checkpoint) runs before the next update. */
    public void intervalBroken() {
        lastStepNanos = -1;
    }

    /** Sets the most threads again. */
    public void restore() {
        set(candidates[0]);
    }

    /** {@link #restore()}, for a governor scoped by try-with-resources. */
    @Override
    public void close() {
        restore();
    }

    private void startProbe() {
        probe(0);
    }

    private void probe(int index) {
        probing = index;
        samples.clear();
        set(candidates[index]);
    }

    private void choose() {
        int best = 0;
        for (int i = 1; i < candidates.length; i++) {
            if (probeSeconds[i] * settings.margin() < probeSeconds[best]) {
                best = i;
            }
        }
        probing = -1;
        held = 0;
        samples.clear();
        chosenSeconds = probeSeconds[best];
        set(candidates[best]);
        if (candidates[best] != chosen) {
            chosen = candidates[best];
            StringBuilder times = new StringBuilder();
            for (int i = 0; i < candidates.length; i++) {
                times.append(i == 0 ? "" : ", ").append(String.format("%d: %.3f s", candidates[i], probeSeconds[i]));
            }
            log.printf("%s: %d engine thread(s), median seconds per update by threads: %s%n", name, candidates[best], times);
            log.flush();
        }
    }

    private void set(int count) {
        if (count != threads) {
            skipNext = true;
        }
        threads = count;
        engine.accept(count);
    }

    private static double median(List<Double> values) {
        return Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
