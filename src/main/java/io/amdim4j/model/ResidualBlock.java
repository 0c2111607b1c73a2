package io.amdim4j.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Residual block RB(w, s; c_in→c_out; d) of spec §2.2: RU(w, s; c_in→c_out) followed by d − 1
 * units RU(1, 1; c_out→c_out). Only the first unit changes resolution or receptive field.
 *
 * <p>Children: d × {@code layer_list} (the reference's word for the unit list of a stage).
 */
final class ResidualBlock extends CheckedBlock {

    private final List<ResidualUnit> units;

    private ResidualBlock(Builder builder) {
        List<ResidualUnit> list = new ArrayList<>();
        for (int j = 0; j < builder.depth; j++) {
            boolean first = j == 0;
            list.add(
                    addChildBlock(
                            "layer_list",
                            ResidualUnit.builder()
                                    .setKernelSize(first ? builder.kernelSize : 1)
                                    .optStride(first ? builder.stride : 1)
                                    .setOutChannels(builder.outChannels)
                                    .optBatchNorm(builder.batchNorm)
                                    .build()));
        }
        units = Collections.unmodifiableList(list);
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
        NDArray h = x;
        for (ResidualUnit unit : units) {
            h = apply(unit, parameterStore, h, training, params);
        }
        return new NDList(h);
    }

    @Override
    Shape[] outputShapes(Shape in) {
        Shape[] shapes = {in};
        for (ResidualUnit unit : units) {
            shapes = unit.getOutputShapes(shapes);
        }
        return shapes;
    }

    /** The units check their own inputs, the first one before anything runs. */
    @Override
    void checkInput(Shape in) {
        units.get(0).checkInput(in);
    }

    @Override
    void initializeChildren(NDManager manager, DataType dataType, Shape in) {
        Shape[] shapes = {in};
        for (ResidualUnit unit : units) {
            unit.initialize(manager, dataType, shapes);
            shapes = unit.getOutputShapes(shapes);
        }
    }

    /**
     * The units in order (the reference's {@code layer_list.J}).
     *
     * @return the d units
     */
    List<ResidualUnit> units() {
        return units;
    }

    /** Builder for {@link ResidualBlock}. */
    public static final class Builder extends ConvGeometryBuilder<Builder> {

        private int depth;
        private boolean batchNorm;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the number of units d (required, ≥ 1).
         *
         * @param d units per block ({@code n_depth})
         * @return this builder
         */
        public Builder setDepth(int d) {
            depth = d;
            return this;
        }

        /**
         * Whether every unit has BN1 ({@code use_bn}, default false).
         *
         * @param useBn true to create BN1 in every unit
         * @return this builder
         */
        public Builder optBatchNorm(boolean useBn) {
            batchNorm = useBn;
            return this;
        }

        /**
         * Validates and builds the block.
         *
         * @return the block
         */
        public ResidualBlock build() {
            if (depth < 1) {
                throw new IllegalArgumentException("ResidualBlock needs depth ≥ 1, got " + depth);
            }
            checkGeometry("ResidualBlock", "", true);
            return new ResidualBlock(this);
        }
    }
}
