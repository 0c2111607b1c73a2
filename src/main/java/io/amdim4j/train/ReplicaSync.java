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
        public StepResult average(StepResult local) {
            return local;
        }

        @Override
        public void averageGradients() {
            // one replica's gradient is already the mean
        }
    };

    /** The mean of every replica's result; a NaN on any replica makes the mean NaN on all of them. */
    StepResult average(StepResult local);

    /** Replaces every trainable parameter's gradient by its mean over the replicas. */
    void averageGradients();
}
