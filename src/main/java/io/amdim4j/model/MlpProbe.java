package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * MLP classifier head on r1 (spec §6.1): Dropout(0.2) → Linear(R→1024, no bias) → BN1d(1024) →
 * ReLU → Dropout(0.2) → Linear(1024→classes, with bias). Linear weights and bias U(±1/√fan_in),
 * BN γ = 1, β = 0 (spec §2.4). Input N×R, output N×classes logits.
 *
 * <p>Children: {@code dropout1}, {@code fc1}, {@code bn1}, {@code dropout2}, {@code fc2}.
 */
public final class MlpProbe extends AbstractBlock {

    /** Hidden width of the MLP head (spec §6.1). */
    public static final int HIDDEN_UNITS = 1024;

    /** Dropout probability before each linear layer (spec §6.1). */
    public static final float DROPOUT = 0.2f;

    private static final byte VERSION = 1;

    private final int numClasses;
    private final Dropout dropout1;
    private final Linear fc1;
    private final BatchNorm bn1;
    private final Dropout dropout2;
    private final Linear fc2;

    private MlpProbe(Builder builder) {
        super(VERSION);
        numClasses = builder.numClasses;
        dropout1 = addChildBlock("dropout1", Dropout.builder().optRate(builder.dropout).build());
        fc1 =
                addChildBlock(
                        "fc1", Linear.builder().setUnits(builder.hiddenUnits).optBias(false).build());
        fc1.setInitializer(new FanInUniformInitializer(), "weight");
        bn1 = addChildBlock("bn1", AmdimBatchNorm.create());
        dropout2 = addChildBlock("dropout2", Dropout.builder().optRate(builder.dropout).build());
        fc2 = addChildBlock("fc2", Linear.builder().setUnits(numClasses).optBias(true).build());
        fc2.setInitializer(new FanInUniformInitializer(), "weight");
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
        NDList h = dropout1.forward(parameterStore, inputs, training, params);
        h = fc1.forward(parameterStore, h, training, params);
        NDArray hidden = bn1.forward(parameterStore, h, training, params).head();
        h = dropout2.forward(parameterStore, new NDList(Activation.relu(hidden)), training, params);
        return fc2.forward(parameterStore, h, training, params);
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
        Shape in = inputShapes[0];
        checkInput(in);
        dropout1.initialize(manager, dataType, in);
        fc1.initialize(manager, dataType, in);
        Shape hidden = fc1.getOutputShapes(new Shape[] {in})[0];
        bn1.initialize(manager, dataType, hidden);
        dropout2.initialize(manager, dataType, hidden);
        setBiasBound(fc2, hidden.get(1));
        fc2.initialize(manager, dataType, hidden);
    }

    /** Bias of a linear layer: U(±1/√fan_in), PyTorch's default (spec §2.4). */
    static void setBiasBound(Linear linear, long fanIn) {
        linear.setInitializer(new UniformInitializer(FanInUniformInitializer.bound(fanIn)), "bias");
    }

    private static void checkInput(Shape in) {
        if (in.dimension() != 2) {
            throw new IllegalArgumentException("MlpProbe expects N×R input, got " + in);
        }
    }

    /** Builder for {@link MlpProbe}. */
    public static final class Builder {

        private int numClasses;
        private int hiddenUnits = HIDDEN_UNITS;
        private float dropout = DROPOUT;

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
         * Sets the hidden width (default 1024, spec §6.1).
         *
         * @param units hidden units
         * @return this builder
         */
        public Builder optHiddenUnits(int units) {
            hiddenUnits = units;
            return this;
        }

        /**
         * Sets the dropout probability (default 0.2).
         *
         * @param probability in [0, 1)
         * @return this builder
         */
        public Builder optDropout(float probability) {
            dropout = probability;
            return this;
        }

        /**
         * Validates and builds the probe.
         *
         * @return the probe
         */
        public MlpProbe build() {
            if (numClasses < 1) {
                throw new IllegalArgumentException("numClasses must be ≥ 1, got " + numClasses);
            }
            if (hiddenUnits < 1) {
                throw new IllegalArgumentException("hiddenUnits must be ≥ 1, got " + hiddenUnits);
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
            return new MlpProbe(this);
        }
    }
}
