package io.amdim4j.train;

/**
 * Where a run stands: updates done, and the next batch to train on. Together with the master
 * seed this determines every later random draw, so it is all a resume needs besides the weights
 * and the optimiser state.
 *
 * @param step updates done (t of spec §7)
 * @param epoch epoch of the next batch
 * @param batch index of the next batch within its epoch
 */
public record TrainingCursor(long step, int epoch, int batch) {

    static final TrainingCursor START = new TrainingCursor(0, 0, 0);

    /**
     * Checks that no counter is negative.
     *
     * @param step updates done
     * @param epoch epoch of the next batch
     * @param batch next batch within the epoch
     * @throws IllegalArgumentException if a value is negative
     */
    public TrainingCursor {
        if (step < 0 || epoch < 0 || batch < 0) {
            throw new IllegalArgumentException("cursor values must be >= 0: " + step + ", " + epoch + ", " + batch);
        }
    }

    /** After one more update on the current batch. */
    TrainingCursor afterStep() {
        return new TrainingCursor(step + 1, epoch, batch + 1);
    }

    /** At the start of the next epoch. */
    TrainingCursor nextEpoch() {
        return new TrainingCursor(step, epoch + 1, 0);
    }
}
