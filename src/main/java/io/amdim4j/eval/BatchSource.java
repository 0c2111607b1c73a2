package io.amdim4j.eval;

import io.amdim4j.pipeline.HostBatch;
import java.util.Iterator;

/**
 * A fresh pass over a split, e.g. {@code () -> loader.epoch(0, 0)} for a {@link
 * io.amdim4j.pipeline.BatchLoader} built with the test transform (spec §5.5) and {@code dropLast =
 * false}, so every image is seen exactly once (spec §6.2). Evaluation reads view 0 of each batch.
 */
@FunctionalInterface
public interface BatchSource {

    /**
     * Starts a new pass.
     *
     * @return the batches, in a fixed order
     */
    Iterator<HostBatch> batches();
}
