package io.amdim4j.train;

/**
 * Side concerns of pre-training (metrics, checkpoints, progress), kept out of the loop as DJL's
 * TrainingListener does. Listeners receive numbers, never engine arrays.
 */
public interface PretrainListener {

    /**
     * After each update; {@code cursor} already counts it. Runs on the training thread: a slow
     * listener slows training.
     *
     * @param cursor epoch and update counters after this update
     * @param result the update's loss terms and probe accuracies
     * @param lr the learning rate the update used
     * @param pairsPerSecond image pairs per second over recent updates
     */
    default void onStep(TrainingCursor cursor, StepResult result, double lr, double pairsPerSecond) {}

    /**
     * After an epoch's last update and its test; {@code cursor} points at the next epoch.
     *
     * @param cursor the counters, epoch already advanced
     * @param test the online probes' test accuracy, or {@link ProbeAccuracy#NOT_MEASURED}
     * @param epochSeconds wall time of the epoch, test included
     */
    default void onEpochEnd(TrainingCursor cursor, ProbeAccuracy test, double epochSeconds) {}

    /**
     * When the run stops, by its step limit or at the end of its last epoch; not called when an
     * update fails.
     *
     * @param cursor the final counters
     */
    default void onStop(TrainingCursor cursor) {}
}
