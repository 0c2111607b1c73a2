package io.amdim4j.eval;

import java.util.List;

/**
 * An evaluation protocol on frozen features (spec §6.3): fitted on training features only, scored
 * once on the test features.
 */
public interface ProbeProtocol {

    /**
     * Fits on {@code train} (choosing any hyper-parameter on a split of it) and scores {@code test}.
     *
     * @param train labelled training features
     * @param test labelled test features, used for the final score only
     * @param numClasses number of classes k
     * @param seed probe seed (initialisation, shuffling, validation split)
     * @return one outcome per reported variant (kNN reports one per k)
     */
    List<ProbeOutcome> evaluate(Features train, Features test, int numClasses, long seed);

    /**
     * Whether the result can change with the seed for the same training rows; kNN cannot.
     *
     * @return true unless the protocol is deterministic
     */
    default boolean dependsOnSeed() {
        return true;
    }
}
