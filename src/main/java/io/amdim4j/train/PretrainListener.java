package io.amdim4j.train;

/**
 * Side concerns of pre-training (metrics, checkpoints, progress), kept out of the loop as DJL's
 * TrainingListener does. Listeners receive numbers, never engine arrays.
 */
public interface PretrainListener {

    /** After each update; {@code cursor} already counts it. */
    default void onStep(TrainingCursor cursor, StepResult result, double lr, double pairsPerSecond) {}

    /** After an epoch's last update and its test; {@code cursor} points at the next epoch. */
    default void onEpochEnd(TrainingCursor cursor, ProbeAccuracy test, double epochSeconds) {}

    /** When the run stops, by its step limit or at the end of its last epoch. */
    default void onStop(TrainingCursor cursor) {}
}
