package io.amdim4j.eval;

import io.amdim4j.pipeline.HostBatch;
import java.util.Iterator;

/**
 * Something that turns images into feature vectors for the frozen-feature protocols (spec §6.3):
 * a frozen encoder ({@link FeatureExtractor}) or the raw-pixel baseline ({@link RawPixelFeatures}).
 */
public interface FeatureSource {

    /**
     * The method name used in reports, e.g. "amdim", "random-init", "pixels".
     *
     * @return the name
     */
    String name();

    /**
     * The feature set in reports, e.g. "r1" or "pixels".
     *
     * @return the written feature set
     */
    String featureSetName();

    /**
     * Adapts any statistics to the training split before extraction, e.g. BN re-estimation (spec
     * §6.2). Callers pass training batches only, never test batches. Does nothing by default.
     *
     * @param trainingBatches batches of training images under the test transform
     */
    default void prepare(Iterator<HostBatch> trainingBatches) {}

    /**
     * Feature vectors of every image of the batches, in order, with the batches' labels.
     *
     * @param batches the images (view 0 of each batch)
     * @return N×D features
     */
    Features extract(Iterator<HostBatch> batches);
}
