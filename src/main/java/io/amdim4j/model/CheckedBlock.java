package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.function.LongUnaryOperator;

/**
 * A block of spec §2 with one input array whose shape is checked before every forward pass, shape
 * inference and initialisation, so a wrong input fails with the block's own message instead of
 * deep inside a child convolution. Subclasses say only what is their own: the check, the output
 * shape, the forward pass and how the children are initialised.
 */
abstract class CheckedBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    CheckedBlock() {
        super(VERSION);
    }

    /**
     * Throws {@link IllegalArgumentException} naming the block and the shape when it cannot take
     * {@code in}.
     */
    abstract void checkInput(Shape in);

    /** The output shapes for an input of shape {@code in} that passed {@link #checkInput}. */
    abstract Shape[] outputShapes(Shape in);

    /** The forward pass on an input that passed {@link #checkInput}. */
    abstract NDList forwardChecked(
            ParameterStore parameterStore, NDArray x, boolean training, PairList<String, Object> params);

    /** Initialises the children for an input of shape {@code in} that passed {@link #checkInput}. */
    abstract void initializeChildren(NDManager manager, DataType dataType, Shape in);

    /** {@inheritDoc} */
    @Override
    protected final NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        checkInput(x.getShape());
        return forwardChecked(parameterStore, x, training, params);
    }

    /** {@inheritDoc} */
    @Override
    public final Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInput(inputShapes[0]);
        return outputShapes(inputShapes[0]);
    }

    /** {@inheritDoc} */
    @Override
    protected final void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInput(inputShapes[0]);
        initializeChildren(manager, dataType, inputShapes[0]);
    }

    /** One child's single output for a single input: the call every block of the encoder repeats. */
    static NDArray apply(
            Block child,
            ParameterStore parameterStore,
            NDArray x,
            boolean training,
            PairList<String, Object> params) {
        return child.forward(parameterStore, new NDList(x), training, params).head();
    }

    /**
     * Adds the children of a {@link ResidualBranch} under the reference names {@code conv1},
     * {@code bnName} (only with {@code useBn}) and {@code conv2}: K1 is U(±1/√fan_in), K2 zeros
     * (spec §2.4), so a fresh branch adds nothing.
     */
    final ResidualBranch addResidualBranch(
            int kernel, int stride, int channels, String bnName, boolean useBn) {
        Conv2d k1 = addChildBlock("conv1", conv(kernel, stride, channels, false));
        k1.setInitializer(new FanInUniformInitializer(), "weight");
        BatchNorm bn = useBn ? addChildBlock(bnName, AmdimBatchNorm.create()) : null;
        Conv2d k2 = addChildBlock("conv2", conv(1, 1, channels, false));
        k2.setInitializer(Initializer.ZEROS, "weight");
        return new ResidualBranch(k1, bn, k2);
    }

    /** A square k×k convolution with stride s and no implicit padding (every conv of spec §2.2). */
    static Conv2d conv(int kernel, int stride, int filters, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }

    /** Rejects an input of another rank, naming the block and the layout it expects. */
    static void requireRank(Shape in, int rank, String block, String layout) {
        if (in.dimension() != rank) {
            throw new IllegalArgumentException(block + " expects " + layout + " input, got " + in);
        }
    }

    /** The output shape of a square-kernel map: N×outChannels×side'×side' with side' from {@code side}. */
    static Shape[] mapShape(Shape in, long outChannels, LongUnaryOperator side) {
        return new Shape[] {
            new Shape(in.get(0), outChannels, side.applyAsLong(in.get(2)), side.applyAsLong(in.get(3)))
        };
    }
}
