package io.amdim4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The training objective of a probe, as a batch mean. It has the shape of DJL's {@code
 * Loss.evaluate}, so the project's §6.1 loss plugs in as {@code new ClippedCrossEntropyLoss()::
 * evaluate} and the probe loss exists once (online and offline).
 *
 * <p>Probes in this package pass only labelled rows.
 */
@FunctionalInterface
public interface ProbeObjective {

    /**
     * The loss of one batch.
     *
     * @param labels one N-vector of int32 class indices
     * @param predictions one N×k array of logits
     * @return a scalar
     */
    NDArray evaluate(NDList labels, NDList predictions);
}
