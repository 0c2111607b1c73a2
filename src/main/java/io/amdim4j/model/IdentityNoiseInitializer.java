package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * The heads' shortcut weight W_s (R×C, stored as R×C×1×1): U(−0.01, 0.01) noise, then W_s[i, i] = 1
 * for i &lt; C, i.e. identity plus noise (spec §2.4). Needs R ≥ C.
 */
final class IdentityNoiseInitializer implements Initializer {

    /** Half-width of the noise around the identity (spec §2.4). */
    public static final float NOISE = 0.01f;

    /** {@inheritDoc} */
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (shape.dimension() < 2) {
            throw new IllegalArgumentException("identity initialisation needs rank ≥ 2: " + shape);
        }
        long rows = shape.get(0);
        long cols = shape.get(1);
        if (shape.size() != rows * cols || rows < cols) {
            throw new IllegalArgumentException(
                    "identity initialisation needs an R×C(×1×1) weight with R ≥ C, got " + shape);
        }
        float[] values;
        try (NDArray noise =
                manager.randomUniform(-NOISE, NOISE, shape, DataType.FLOAT32, manager.getDevice())) {
            values = noise.toFloatArray();
        }
        for (int i = 0; i < cols; i++) {
            values[(int) (i * cols + i)] = 1f;
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
