package io.amdim4j.train;

import io.amdim4j.runtime.ThreadGovernor;
import java.util.Objects;

/** Tells a {@link ThreadGovernor} of a run's updates ({@code --engine-threads auto}). */
final class ThreadGovernorListener implements PretrainListener {

    private final ThreadGovernor governor;

    ThreadGovernorListener(ThreadGovernor governor) {
        this.governor = Objects.requireNonNull(governor, "governor");
    }

    @Override
    public void onStep(TrainingCursor cursor, StepResult result, double lr, double pairsPerSecond) {
        governor.updateEnded();
    }

    /** The epoch's test and checkpoint fall between two updates: that interval is not an update's. */
    @Override
    public void onEpochEnd(TrainingCursor cursor, ProbeAccuracy test, double epochSeconds) {
        governor.intervalBroken();
    }

    /** Gives the engine back its most threads, for whatever the process runs next. */
    @Override
    public void onStop(TrainingCursor cursor) {
        governor.restore();
    }
}
