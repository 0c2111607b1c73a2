package io.amdim4j.model;

import io.amdim4j.runtime.EngineSeed;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * U(±1/√fan_in) for a weight of shape (c_out, c_in, k, k) or (out, in), with fan_in = c_in·k·k
 * (resp. in): PyTorch's default for conv and linear weights (Kaiming-uniform with a = √5), spec
 * §2.4.
 *
 * <p>Draws from the engine's generator, so {@link EngineSeed#apply EngineSeed.apply(seed)} before
 * initialisation makes it reproducible.
 */
final class FanInUniformInitializer implements Initializer {

    /** {@inheritDoc} */
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (shape.dimension() < 2) {
            throw new IllegalArgumentException(
                    "fan-in initialisation needs a weight of rank ≥ 2, got shape " + shape);
        }
        float bound = bound(shape.size() / shape.get(0));
        return manager.randomUniform(-bound, bound, shape, dataType, manager.getDevice());
    }

    /**
     * The bound 1/√fan_in.
     *
     * @param fanIn number of inputs of one output unit
     * @return the bound
     */
    public static float bound(long fanIn) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("fan_in must be positive, got " + fanIn);
        }
        return (float) (1.0 / Math.sqrt(fanIn));
    }
}
