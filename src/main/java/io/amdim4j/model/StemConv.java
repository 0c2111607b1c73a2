package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * Stem conv SC(k, s, p; c_in→c_out) of spec §2.2: reflect-pad by p pixels (mirror without
 * repeating the edge pixel), a k×k convolution with stride s, no implicit padding and a bias, then
 * ReLU. Never BN.
 *
 * <p>Child: {@code conv} (reference state-dict word). Weight and bias are U(±1/√(c_in·k·k)) (spec
 * §2.4).
 */
final class StemConv extends CheckedBlock {

    private final int kernelSize;
    private final int stride;
    private final int outChannels;
    private final int reflectPad;
    private final Conv2d conv;

    private StemConv(Builder builder) {
        kernelSize = builder.kernelSize;
        stride = builder.stride;
        outChannels = builder.outChannels;
        reflectPad = builder.reflectPad;
        conv = addChildBlock("conv", conv(kernelSize, stride, outChannels, true));
        conv.setInitializer(new FanInUniformInitializer(), "weight");
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
        NDArray padded = reflectPad > 0 ? reflectPad(x, reflectPad) : x;
        return new NDList(Activation.relu(apply(conv, parameterStore, padded, training, params)));
    }

    @Override
    Shape[] outputShapes(Shape in) {
        return mapShape(in, outChannels, this::outSide);
    }

    @Override
    void initializeChildren(NDManager manager, DataType dataType, Shape in) {
        long fanIn = in.get(1) * kernelSize * kernelSize;
        conv.setInitializer(
                new UniformInitializer(FanInUniformInitializer.bound(fanIn)), "bias");
        Shape padded =
                new Shape(in.get(0), in.get(1), in.get(2) + 2L * reflectPad, in.get(3) + 2L * reflectPad);
        conv.initialize(manager, dataType, padded);
    }

    /**
     * The convolution, for {@link ReferenceWeights}.
     *
     * @return the child {@code conv}
     */
    Conv2d conv() {
        return conv;
    }

    /**
     * Reflect padding of the last two axes of an NCHW array by {@code pad} pixels, mirroring
     * without repeating the edge pixel (PyTorch's {@code ReflectionPad2d}); DJL's {@code pad} only
     * pads with a constant.
     *
     * @param x array of shape N×C×H×W with H, W > pad
     * @param pad pixels added on each side
     * @return array of shape N×C×(H+2·pad)×(W+2·pad)
     */
    static NDArray reflectPad(NDArray x, int pad) {
        return reflectAxis(reflectAxis(x, 3, pad), 2, pad);
    }

    private static NDArray reflectAxis(NDArray x, int axis, int pad) {
        long size = x.getShape().get(axis);
        if (pad >= size) {
            throw new IllegalArgumentException(
                    "reflect padding " + pad + " needs a side larger than " + pad + ", got " + size);
        }
        String prefix = axis == 3 ? ":, :, :, " : ":, :, ";
        // mirror without the edge: left gets x[pad], …, x[1]; right gets x[size-2], …, x[size-1-pad]
        NDArray left = x.get(new NDIndex(prefix + "1:{}", pad + 1)).flip(axis);
        NDArray right = x.get(new NDIndex(prefix + "{}:{}", size - 1 - pad, size - 1)).flip(axis);
        return NDArrays.concat(new NDList(left, x, right), axis);
    }

    private long outSide(long side) {
        return Math.floorDiv(side + 2L * reflectPad - kernelSize, stride) + 1;
    }

    @Override
    void checkInput(Shape in) {
        requireRank(in, 4, "StemConv", "N×C×H×W");
        long side = Math.min(in.get(2), in.get(3));
        if (side + 2L * reflectPad < kernelSize || (reflectPad > 0 && reflectPad >= side)) {
            throw new IllegalArgumentException(
                    "StemConv(k=" + kernelSize + ", p=" + reflectPad + ") cannot take input " + in);
        }
    }

    /** Builder for {@link StemConv}. */
    public static final class Builder extends ConvGeometryBuilder<Builder> {

        private int reflectPad;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the reflect padding p (default 0).
         *
         * @param pad pixels added on each side before the conv
         * @return this builder
         */
        public Builder optReflectPad(int pad) {
            reflectPad = pad;
            return this;
        }

        /**
         * Validates and builds the block.
         *
         * @return the block
         */
        public StemConv build() {
            checkGeometry("StemConv", "p=" + reflectPad, reflectPad >= 0);
            return new StemConv(this);
        }
    }
}
