package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Optional;

/**
 * Residual unit RU(w, s; c_in→c_out) of spec §2.2, c_out ≥ c_in.
 *
 * <p>y = K2(ReLU(BN1?(K1(x)))) + P(x): K1 is w×w with stride s, no padding, no bias; BN1 exists
 * only with {@code use_bn}; K2 is 1×1, no bias, zero-initialised. The shortcut P averages over a
 * w×w window with stride s (no padding, floor rounding) and appends c_out − c_in all-zero channels
 * after the existing ones; it is the identity when w = s = 1 and the widths are equal. No
 * activation before K1 or after the sum.
 *
 * <p>Children (reference state-dict words): {@code conv1}, {@code bn1} (only with BN), {@code
 * conv2}. K1 is U(±1/√(c_in·w·w)), K2 zeros (spec §2.4), so a fresh unit is pooling plus zero
 * channels.
 */
final class ResidualUnit extends CheckedBlock {

    private final int kernelSize;
    private final int stride;
    private final int outChannels;
    private final ResidualBranch branch;

    private ResidualUnit(Builder builder) {
        kernelSize = builder.kernelSize;
        stride = builder.stride;
        outChannels = builder.outChannels;
        branch = addResidualBranch(kernelSize, stride, outChannels, "bn1", builder.batchNorm);
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
        return new NDList(branch.apply(parameterStore, x, training, params).add(shortcut(x)));
    }

    /** P(x): mean-pool with the branch's window and stride, then zero channels appended. */
    private NDArray shortcut(NDArray x) {
        NDArray pooled = x;
        if (kernelSize > 1 || stride > 1) {
            Shape window = new Shape(kernelSize, kernelSize);
            pooled = Pool.avgPool2d(x, window, new Shape(stride, stride), new Shape(0, 0), false, true);
        }
        Shape shape = pooled.getShape();
        long missing = outChannels - shape.get(1);
        if (missing == 0) {
            return pooled;
        }
        // A constant pad keeps x's dtype and layout without naming them: zeros(…, x.getDataType())
        // aborts the JVM on a bfloat16 x under autocast (DJL reports it as UNKNOWN).
        return pooled.pad(new Shape(0, 0, 0, 0, 0, missing), 0); // (W, H, C) before/after pairs
    }

    @Override
    Shape[] outputShapes(Shape in) {
        return mapShape(in, outChannels, this::outSide);
    }

    @Override
    void initializeChildren(NDManager manager, DataType dataType, Shape in) {
        branch.initialize(manager, dataType, in);
    }

    Conv2d conv1() {
        return branch.k1();
    }

    Optional<BatchNorm> bn1() {
        return Optional.ofNullable(branch.bn());
    }

    Conv2d conv2() {
        return branch.k2();
    }

    private long outSide(long side) {
        return Math.floorDiv(side - kernelSize, stride) + 1;
    }

    @Override
    void checkInput(Shape in) {
        requireRank(in, 4, "ResidualUnit", "N×C×H×W");
        if (in.get(1) > outChannels) {
            throw new IllegalArgumentException(
                    "ResidualUnit needs c_out ≥ c_in (spec §2.2), got c_in = "
                            + in.get(1) + " > c_out = " + outChannels);
        }
        if (Math.min(in.get(2), in.get(3)) < kernelSize) {
            throw new IllegalArgumentException(
                    "ResidualUnit with w = " + kernelSize + " cannot take input " + in);
        }
    }

    /** Builder for {@link ResidualUnit}. */
    public static final class Builder extends ConvGeometryBuilder<Builder> {

        private boolean batchNorm;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Whether BN1 sits between K1 and the ReLU ({@code use_bn}, default false).
         *
         * @param useBn true to create BN1
         * @return this builder
         */
        public Builder optBatchNorm(boolean useBn) {
            batchNorm = useBn;
            return this;
        }

        /**
         * Validates and builds the unit.
         *
         * @return the unit
         */
        public ResidualUnit build() {
            checkGeometry("ResidualUnit", "", true);
            return new ResidualUnit(this);
        }
    }
}
