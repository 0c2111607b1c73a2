package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ThreadGovernor} against a simulated engine whose update time depends on its thread count and on
 * whether a neighbour is busy: the figures are those of issue 13 (2 cores, ndf 32: 2 threads 0.40 s idle and
 * 1.5 s beside a neighbour, 1 thread 0.65 s either way).
 */
class ThreadGovernorTest {

    private static final Map<Integer, Double> IDLE = Map.of(2, 0.40, 1, 0.65);
    private static final Map<Integer, Double> BUSY = Map.of(2, 1.50, 1, 0.65);
    private static final ThreadGovernor.Settings SETTINGS = new ThreadGovernor.Settings(3, 50, 5, 1.5, 1.05);

    /** The simulated engine: what the governor set, and what an update then costs. */
    private static final class Engine {
        final List<Integer> set = new ArrayList<>();
        Map<Integer, Double> costs = IDLE;
        boolean resized;
        final StringWriter log = new StringWriter();
        final ThreadGovernor governor;

        Engine(int max, ThreadGovernor.Settings settings) {
            governor = new ThreadGovernor(max, settings, t -> {
                resized = set.isEmpty() || set.get(set.size() - 1) != t;
                set.add(t);
            }, System::nanoTime, new PrintWriter(log), "test");
        }

        /** Runs {@code n} updates; the first after a resize costs ten times more (the pool's rebuild). */
        void updates(int n) {
            for (int i = 0; i < n; i++) {
                double seconds = costs.get(governor.threads());
                governor.observe(resized ? 10 * seconds : seconds);
                resized = false;
            }
        }
    }

    /** Two cores, a neighbour from the start, and enough updates for the first probe to end. */
    private static Engine settledBesideANeighbour() {
        Engine e = new Engine(2, SETTINGS);
        e.costs = BUSY;
        e.updates(20);
        return e;
    }

    @Test
    void theCandidatesAreMaxMaxMinusOneHalfAndOneEachOnce() {
        assertThat(ThreadGovernor.candidates(8)).containsExactly(8, 7, 4, 1);
        assertThat(ThreadGovernor.candidates(2)).containsExactly(2, 1);
        assertThat(ThreadGovernor.candidates(3)).containsExactly(3, 2, 1);
        assertThat(ThreadGovernor.candidates(1)).containsExactly(1);
        assertThatThrownBy(() -> ThreadGovernor.candidates(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onAnIdleMachineItKeepsEveryThreadAfterOneProbe() {
        Engine e = new Engine(2, SETTINGS);
        e.updates(40);
        assertThat(e.governor.threads()).isEqualTo(2);
        assertThat(e.governor.isProbing()).isFalse();
        assertThat(e.set).containsExactly(2, 1, 2);
    }

    @Test
    void besideABusyNeighbourItFallsBackToOneThread() {
        Engine e = settledBesideANeighbour();
        assertThat(e.governor.threads()).isEqualTo(1);
        assertThat(e.log.toString()).contains("test: 1 engine thread(s)", "2: 1.500 s", "1: 0.650 s");
    }

    @Test
    void aNeighbourArrivingMidRunIsNoticedWithinTheWindowNotAtTheNextScheduledProbe() {
        Engine e = new Engine(2, SETTINGS);
        e.updates(20);
        assertThat(e.governor.threads()).isEqualTo(2);
        e.costs = BUSY;
        e.updates(5 + 8 + 2); // the window fills, then one probe of both counts (a resize update and 3 timed each)
        assertThat(e.governor.threads()).isEqualTo(1);
        assertThat(e.governor.isProbing()).isFalse();
    }

    @Test
    void whenTheNeighbourLeavesTheScheduledProbeReturnsToEveryThread() {
        Engine e = settledBesideANeighbour();
        assertThat(e.governor.threads()).isEqualTo(1);
        e.costs = IDLE;
        e.updates(SETTINGS.holdUpdates() + 10);
        assertThat(e.governor.threads()).isEqualTo(2);
        assertThat(e.log.toString()).contains("test: 2 engine thread(s)");
    }

    @Test
    void fewerThreadsMustBeClearlyFasterToWin() {
        Engine e = new Engine(2, SETTINGS);
        e.costs = Map.of(2, 0.50, 1, 0.49);
        e.updates(20);
        assertThat(e.governor.threads()).isEqualTo(2);
    }

    @Test
    void theIntervalOverAnEpochEndIsNotAnUpdate() {
        long[] now = {0};
        List<Integer> set = new ArrayList<>();
        // a window of one update: a single long interval counted as an update would start a probe
        ThreadGovernor.Settings oneUpdateWindow = new ThreadGovernor.Settings(3, 50, 1, 1.5, 1.05);
        ThreadGovernor g = new ThreadGovernor(2, oneUpdateWindow, set::add, () -> now[0],
                new PrintWriter(new StringWriter()), "t");
        for (int i = 0; i < 30; i++) {
            now[0] += 400_000_000L;
            g.updateEnded();
        }
        assertThat(g.threads()).isEqualTo(2);
        int probes = set.size();
        g.intervalBroken();
        now[0] += 100_000_000_000L; // the epoch's test
        for (int i = 0; i < 10; i++) {
            now[0] += 400_000_000L;
            g.updateEnded();
        }
        assertThat(set).as("no probe after the epoch's test").hasSize(probes);
    }

    @Test
    void stoppingGivesTheEngineBackEveryThread() {
        Engine e = settledBesideANeighbour();
        e.governor.close();
        assertThat(e.set.get(e.set.size() - 1)).isEqualTo(2);
    }

    @Test
    void withOneCoreThereIsNothingToChoose() {
        Engine e = new Engine(1, SETTINGS);
        e.costs = Map.of(1, 0.5);
        e.updates(100);
        assertThat(e.set).containsOnly(1);
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new ThreadGovernor.Settings(0, 50, 5, 1.5, 1.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThreadGovernor.Settings(3, 4, 5, 1.5, 1.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThreadGovernor.Settings(3, 50, 5, 1.0, 1.05)).isInstanceOf(IllegalArgumentException.class);
    }
}
