package io.amdim4j.train;

/**
 * What an update shares with the other processes of a data-parallel run (spec §7 trains one model;
 * here P replicas of it stay identical): the measured losses, averaged before the NaN guard so every
 * replica takes the same decision, and the gradients, averaged before the optimiser step so every
 * replica applies the same update.
 */
public interface ReplicaSync {

    /** A process training alone: nothing to share. */
    ReplicaSync NONE = new ReplicaSync() {
        @Override
        public int rank() {
            return 0;
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public boolean any(boolean mine) {
            return mine;
        }

        @Override
        public StepResult average(StepResult local) {
            return local;
        }

        @Override
        public void averageGradients() {
            // one replica's gradient is already the mean
        }
    };

    /** This replica's number, 0 to {@code size() - 1}; rank 0 draws what a single process draws. */
    int rank();

    /** Replicas training together. */
    int size();

    /**
     * Whether any replica says yes: decisions a replica takes alone (its clock passed the time budget) must
     * be taken by all, or the others would wait for it in the next update.
     */
    boolean any(boolean mine);

    /** The mean of every replica's result; a NaN on any replica makes the mean NaN on all of them. */
    StepResult average(StepResult local);

    /** Replaces every trainable parameter's gradient by its mean over the replicas. */
    void averageGradients();
}
