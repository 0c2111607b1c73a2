package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Linear classifier head on r1 (spec §6.1): Linear(R→classes, with bias), no dropout. Weight and
 * bias are U(±1/√R) (spec §2.4). Input N×R, output N×classes logits.
 *
 * <p>Child: {@code fc}.
 */
public final class LinearProbe extends ProbeBlock {

    private final Linear fc;

    private LinearProbe(Builder builder) {
        super(builder.numClasses);
        fc = addChildBlock("fc", linear(builder.numClasses, true));
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
        return new NDList(apply(fc, parameterStore, x, training, params));
    }

    @Override
    void initializeChildren(NDManager manager, DataType dataType, Shape in) {
        setBiasBound(fc, in.get(1));
        fc.initialize(manager, dataType, in);
    }

    /** Builder for {@link LinearProbe}. */
    public static final class Builder extends ProbeBlock.Builder<Builder> {

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Validates and builds the probe.
         *
         * @return the probe
         */
        public LinearProbe build() {
            checkClasses();
            return new LinearProbe(this);
        }
    }
}
