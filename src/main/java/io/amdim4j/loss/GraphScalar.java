package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;

/**
 * Multiplication by a constant that is safe inside an autograd graph.
 *
 * <p>DJL's {@code mul(Number)} and {@code div(Number)} wrap the number in a temporary array whose
 * native memory ({@code from_blob} over a direct buffer) is released as soon as the call returns,
 * yet PyTorch keeps that tensor for the backward pass. A later garbage collection can then hand the
 * backward pass a freed scalar: we observed rare NaN gradients from it. Here the constant is an
 * array of x's manager, so it lives as long as x does, and it has x's data type, so a 0-d fp32
 * array is not promoted to float64.
 */
final class GraphScalar {

    private GraphScalar() {}

    /**
     * {@code x·factor}, differentiable in x.
     *
     * @param x any array
     * @param factor the constant
     * @return x·factor with x's data type
     */
    static NDArray times(NDArray x, double factor) {
        return x.mul(constantLike(x, factor));
    }

    /**
     * A 0-d constant with x's data type, owned by x's manager.
     *
     * @param x the array whose manager and data type to use
     * @param value the constant
     * @return the 0-d array
     */
    static NDArray constantLike(NDArray x, double value) {
        return x.getManager().create(value).toType(x.getDataType(), false);
    }
}
