package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import java.util.Optional;

/**
 * Embedding head φ(C→R) for r5 and r7 (spec §2.2), all 1×1 so it acts per location:
 * φ(h) = BN_out(K2(ReLU(BN_hid?(K1(h)))) + W_s·h + b_s).
 *
 * <p>Children (reference state-dict words): {@code conv1} (K1, C→R, no bias, U(±1/√C)), {@code
 * bn_hid} (only with {@code use_bn}), {@code conv2} (K2, R→R, no bias, zeros), {@code shortcut}
 * (W_s: identity plus U(−0.01, 0.01) noise; b_s: U(±1/√C)) and {@code bn_out} (always), spec §2.4.
 * Needs R ≥ C.
 */
public final class EmbeddingHead extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int outChannels;
    private final Conv2d conv1;
    private final BatchNorm bnHid;
    private final Conv2d conv2;
    private final Conv2d shortcut;
    private final BatchNorm bnOut;

    private EmbeddingHead(Builder builder) {
        super(VERSION);
        outChannels = builder.outChannels;
        conv1 = addChildBlock("conv1", ResidualUnit.conv(1, 1, outChannels));
        conv1.setInitializer(new FanInUniformInitializer(), "weight");
        bnHid = builder.batchNorm ? addChildBlock("bn_hid", AmdimBatchNorm.create()) : null;
        conv2 = addChildBlock("conv2", ResidualUnit.conv(1, 1, outChannels));
        conv2.setInitializer(Initializer.ZEROS, "weight");
        shortcut =
                addChildBlock(
                        "shortcut",
                        Conv2d.builder()
                                .setKernelShape(new Shape(1, 1))
                                .setFilters(outChannels)
                                .optBias(true)
                                .build());
        shortcut.setInitializer(new IdentityNoiseInitializer(), "weight");
        bnOut = addChildBlock("bn_out", AmdimBatchNorm.create());
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
        NDArray x = inputs.singletonOrThrow();
        checkInput(x.getShape());
        NDArray h = conv1.forward(parameterStore, inputs, training, params).head();
        if (bnHid != null) {
            h = bnHid.forward(parameterStore, new NDList(h), training, params).head();
        }
        h = conv2.forward(parameterStore, new NDList(Activation.relu(h)), training, params).head();
        NDArray skip = shortcut.forward(parameterStore, inputs, training, params).head();
        return bnOut.forward(parameterStore, new NDList(h.add(skip)), training, params);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        checkInput(in);
        return new Shape[] {new Shape(in.get(0), outChannels, in.get(2), in.get(3))};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        checkInput(in);
        shortcut.setInitializer(
                new UniformInitializer(FanInUniformInitializer.bound(in.get(1))), "bias");
        Shape out = getOutputShapes(inputShapes)[0];
        conv1.initialize(manager, dataType, in);
        if (bnHid != null) {
            bnHid.initialize(manager, dataType, out);
        }
        conv2.initialize(manager, dataType, out);
        shortcut.initialize(manager, dataType, in);
        bnOut.initialize(manager, dataType, out);
    }

    Conv2d conv1() {
        return conv1;
    }

    Optional<BatchNorm> bnHid() {
        return Optional.ofNullable(bnHid);
    }

    Conv2d conv2() {
        return conv2;
    }

    Conv2d shortcut() {
        return shortcut;
    }

    BatchNorm bnOut() {
        return bnOut;
    }

    private void checkInput(Shape in) {
        if (in.dimension() != 4) {
            throw new IllegalArgumentException("EmbeddingHead expects N×C×H×W input, got " + in);
        }
        if (in.get(1) > outChannels) {
            throw new IllegalArgumentException(
                    "EmbeddingHead needs R ≥ C for its identity shortcut (spec §2.3), got C = "
                            + in.get(1) + " > R = " + outChannels);
        }
    }

    /** Builder for {@link EmbeddingHead}. */
    public static final class Builder {

        private int outChannels;
        private boolean batchNorm;

        private Builder() {}

        /**
         * Sets the embedding width R (required).
         *
         * @param channels R
         * @return this builder
         */
        public Builder setOutChannels(int channels) {
            outChannels = channels;
            return this;
        }

        /**
         * Whether BN_hid follows K1 ({@code use_bn}, default false). BN_out is always present.
         *
         * @param useBn true to create BN_hid
         * @return this builder
         */
        public Builder optBatchNorm(boolean useBn) {
            batchNorm = useBn;
            return this;
        }

        /**
         * Validates and builds the head.
         *
         * @return the head
         */
        public EmbeddingHead build() {
            if (outChannels < 1) {
                throw new IllegalArgumentException(
                        "EmbeddingHead needs outChannels ≥ 1, got " + outChannels);
            }
            return new EmbeddingHead(this);
        }
    }
}
