package io.amdim4j.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Linear classifier head on r1 (spec §6.1): Linear(R→classes, with bias), no dropout. Weight and
 * bias are U(±1/√R) (spec §2.4). Input N×R, output N×classes logits.
 *
 * <p>Child: {@code fc}.
 */
public final class LinearProbe extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int numClasses;
    private final Linear fc;

    private LinearProbe(Builder builder) {
        super(VERSION);
        numClasses = builder.numClasses;
        fc = addChildBlock("fc", Linear.builder().setUnits(numClasses).optBias(true).build());
        fc.setInitializer(new FanInUniformInitializer(), "weight");
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        checkInput(inputs.singletonOrThrow().getShape());
        return fc.forward(parameterStore, inputs, training, params);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInput(inputShapes[0]);
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInput(inputShapes[0]);
        MlpProbe.setBiasBound(fc, inputShapes[0].get(1));
        fc.initialize(manager, dataType, inputShapes);
    }

    private static void checkInput(Shape in) {
        if (in.dimension() != 2) {
            throw new IllegalArgumentException("LinearProbe expects N×R input, got " + in);
        }
    }

    /** Builder for {@link LinearProbe}. */
    public static final class Builder {

        private int numClasses;

        private Builder() {}

        /**
         * Sets the number of classes (required).
         *
         * @param classes number of logits
         * @return this builder
         */
        public Builder setNumClasses(int classes) {
            numClasses = classes;
            return this;
        }

        /**
         * Validates and builds the probe.
         *
         * @return the probe
         */
        public LinearProbe build() {
            if (numClasses < 1) {
                throw new IllegalArgumentException("numClasses must be ≥ 1, got " + numClasses);
            }
            return new LinearProbe(this);
        }
    }
}
