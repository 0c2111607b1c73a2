package io.amdim4j.train;

import ai.djl.ndarray.NDManager;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Checkpoints at every epoch end, every {@code checkpointEvery} updates and when the run stops.
 * A failed save stops the run (unlike DJL's SaveModelTrainingListener, which only logs it).
 */
final class CheckpointListener implements PretrainListener {

    private final TrainConfig config;
    private final PretrainModel model;
    private final CoupledL2Adam adam;
    private final RunDirectory run;
    private Path lastSaved;
    private TrainingCursor savedCursor;

    public CheckpointListener(TrainConfig config, PretrainModel model, CoupledL2Adam adam, RunDirectory run,
            Path resumedFrom, TrainingCursor resumedCursor) {
        this.config = config;
        this.model = model;
        this.adam = adam;
        this.run = run;
        this.lastSaved = resumedFrom;
        this.savedCursor = resumedCursor;
    }

    @Override
    public void onStep(TrainingCursor cursor, StepResult result, double lr, double pairsPerSecond) {
        if (config.checkpointEvery() > 0 && cursor.step() % config.checkpointEvery() == 0) {
            save(cursor);
        }
    }

    @Override
    public void onEpochEnd(TrainingCursor cursor, ProbeAccuracy test, double epochSeconds) {
        save(cursor);
    }

    @Override
    public void onStop(TrainingCursor cursor) {
        save(cursor);
    }

    /** The newest checkpoint written or resumed from, for error messages. */
    public String lastGood() {
        return lastSaved == null ? "none yet" : lastSaved.toString();
    }

    private void save(TrainingCursor cursor) {
        if (cursor.equals(savedCursor)) {
            return; // an epoch end and the stop (or a periodic save) can fall on the same position
        }
        try (NDManager scratch = model.manager().newSubManager()) {
            lastSaved = Checkpoint.capture(config, cursor, model, adam, scratch).save(run, config.keepCheckpoints());
            savedCursor = cursor;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint for update " + cursor.step() + " in "
                    + run.checkpoints() + ": " + e.getMessage(), e);
        }
    }

}
