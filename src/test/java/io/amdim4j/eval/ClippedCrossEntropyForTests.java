package io.amdim4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A test-only probe objective with the §6.1 formula, CE(10·tanh(z/10), y) + 1e-3·mean(z²), for
 * labelled rows only. The production objective is the loss package's ClippedCrossEntropyLoss,
 * which the caller passes in; this stand-in keeps the eval tests independent of it.
 */
final class ClippedCrossEntropyForTests implements ProbeObjective {

    private static final float CLIP = 10f;
    private static final float LOGIT_PENALTY = 1e-3f;

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.singletonOrThrow();
        NDArray y = labels.singletonOrThrow();
        int classes = Math.toIntExact(z.getShape().get(1));
        NDArray logProbabilities = z.div(CLIP).tanh().mul(CLIP).logSoftmax(1);
        NDArray picked = logProbabilities.mul(y.oneHot(classes)).sum(new int[] {1});
        return picked.mean().neg().add(z.square().mean().mul(LOGIT_PENALTY));
    }
}
