package io.amdim4j.eval;

import io.amdim4j.pipeline.HostBatch;
import java.util.Iterator;

/**
 * The raw-pixel baseline: each image's normalised pixels (view 0 of the test transform, spec
 * §5.5), flattened C·H·W row-major, as its feature vector.
 */
final class RawPixelFeatures implements FeatureSource {

    /** Method and feature-set name in reports. */
    public static final String NAME = "pixels";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String featureSetName() {
        return NAME;
    }

    @Override
    public Features extract(Iterator<HostBatch> batches) {
        FeatureBuffer buffer = null;
        while (batches.hasNext()) {
            HostBatch batch = batches.next();
            int dimension = batch.channels() * batch.height() * batch.width();
            if (buffer == null) {
                buffer = new FeatureBuffer(dimension);
            }
            buffer.add(batch.views()[0], batch.labels());
        }
        if (buffer == null) {
            throw new IllegalArgumentException("no batches to take pixels from");
        }
        return buffer.toFeatures();
    }
}
