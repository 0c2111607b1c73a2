package io.amdim4j.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;

/**
 * A classifier head on r1 (spec §6.1): N×R features in, N×classes logits out. Its linear layers
 * are initialised as PyTorch's {@code nn.Linear} (spec §2.4).
 */
abstract class ProbeBlock extends CheckedBlock {

    private final int numClasses;

    ProbeBlock(int numClasses) {
        this.numClasses = numClasses;
    }

    @Override
    final Shape[] outputShapes(Shape in) {
        return new Shape[] {new Shape(in.get(0), numClasses)};
    }

    @Override
    final void checkInput(Shape in) {
        requireRank(in, 2, getClass().getSimpleName(), "N×R");
    }

    /** A linear layer whose weight is U(±1/√fan_in); its bias bound waits for the input width. */
    static Linear linear(int units, boolean bias) {
        Linear linear = Linear.builder().setUnits(units).optBias(bias).build();
        linear.setInitializer(new FanInUniformInitializer(), "weight");
        return linear;
    }

    /** Bias of a linear layer: U(±1/√fan_in), PyTorch's default (spec §2.4). */
    static void setBiasBound(Linear linear, long fanIn) {
        linear.setInitializer(new UniformInitializer(FanInUniformInitializer.bound(fanIn)), "bias");
    }

    /**
     * What every probe builder takes: the number of classes.
     *
     * @param <B> the concrete builder, returned by every setter
     */
    abstract static class Builder<B extends Builder<B>> {

        int numClasses;

        abstract B self();

        /**
         * Sets the number of classes (required).
         *
         * @param classes number of logits
         * @return this builder
         */
        public B setNumClasses(int classes) {
            numClasses = classes;
            return self();
        }

        void checkClasses() {
            if (numClasses < 1) {
                throw new IllegalArgumentException("numClasses must be ≥ 1, got " + numClasses);
            }
        }
    }
}
