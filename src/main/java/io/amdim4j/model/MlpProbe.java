package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * MLP classifier head on r1 (spec §6.1): Dropout(0.2) → Linear(R→1024, no bias) → BN1d(1024) →
 * ReLU → Dropout(0.2) → Linear(1024→classes, with bias). Linear weights and bias U(±1/√fan_in),
 * BN γ = 1, β = 0 (spec §2.4). Input N×R, output N×classes logits.
 *
 * <p>Children: {@code dropout1}, {@code fc1}, {@code bn1}, {@code dropout2}, {@code fc2}.
 */
public final class MlpProbe extends ProbeBlock {

    /** Hidden width of the MLP head (spec §6.1). */
    public static final int HIDDEN_UNITS = 1024;

    /** Dropout probability before each linear layer (spec §6.1). */
    static final float DROPOUT = 0.2f;

    private final Dropout dropout1;
    private final Linear fc1;
    private final BatchNorm bn1;
    private final Dropout dropout2;
    private final Linear fc2;

    private MlpProbe(Builder builder) {
        super(builder.numClasses);
        dropout1 = addChildBlock("dropout1", Dropout.builder().optRate(builder.dropout).build());
        fc1 = addChildBlock("fc1", linear(builder.hiddenUnits, false));
        bn1 = addChildBlock("bn1", AmdimBatchNorm.create());
        dropout2 = addChildBlock("dropout2", Dropout.builder().optRate(builder.dropout).build());
        fc2 = addChildBlock("fc2", linear(builder.numClasses, true));
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    NDList forwardChecked(
            ParameterStore parameterStore, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray h = apply(dropout1, parameterStore, x, training, params);
        h = apply(bn1, parameterStore, apply(fc1, parameterStore, h, training, params), training, params);
        h = apply(dropout2, parameterStore, Activation.relu(h), training, params);
        return new NDList(apply(fc2, parameterStore, h, training, params));
    }

    @Override
    void initializeChildren(NDManager manager, DataType dataType, Shape in) {
        dropout1.initialize(manager, dataType, in);
        fc1.initialize(manager, dataType, in);
        Shape hidden = fc1.getOutputShapes(new Shape[] {in})[0];
        bn1.initialize(manager, dataType, hidden);
        dropout2.initialize(manager, dataType, hidden);
        setBiasBound(fc2, hidden.get(1));
        fc2.initialize(manager, dataType, hidden);
    }

    /** Builder for {@link MlpProbe}. */
    public static final class Builder extends ProbeBlock.Builder<Builder> {
        private int hiddenUnits = HIDDEN_UNITS;
        private float dropout = DROPOUT;

        private Builder() {}

        @Override
        Builder self() {
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
        Builder optDropout(float probability) {
            dropout = probability;
            return this;
        }

        /**
         * Validates and builds the probe.
         *
         * @return the probe
         */
        public MlpProbe build() {
            checkClasses();
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
