package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
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
final class EmbeddingHead extends CheckedBlock {

    private final int outChannels;
    private final ResidualBranch branch;
    private final Conv2d shortcut;
    private final BatchNorm bnOut;

    private EmbeddingHead(Builder builder) {
        outChannels = builder.outChannels;
        branch = addResidualBranch(1, 1, outChannels, "bn_hid", builder.batchNorm);
        shortcut = addChildBlock("shortcut", conv(1, 1, outChannels, true));
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

    @Override
    NDList forwardChecked(
            ParameterStore parameterStore, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray h = branch.apply(parameterStore, x, training, params);
        NDArray skip = apply(shortcut, parameterStore, x, training, params);
        return new NDList(apply(bnOut, parameterStore, h.add(skip), training, params));
    }

    @Override
    Shape[] outputShapes(Shape in) {
        return mapShape(in, outChannels, side -> side);
    }

    @Override
    void initializeChildren(NDManager manager, DataType dataType, Shape in) {
        shortcut.setInitializer(
                new UniformInitializer(FanInUniformInitializer.bound(in.get(1))), "bias");
        Shape out = outputShapes(in)[0];
        branch.initialize(manager, dataType, in);
        shortcut.initialize(manager, dataType, in);
        bnOut.initialize(manager, dataType, out);
    }

    Conv2d conv1() {
        return branch.k1();
    }

    Optional<BatchNorm> bnHid() {
        return Optional.ofNullable(branch.bn());
    }

    Conv2d conv2() {
        return branch.k2();
    }

    Conv2d shortcut() {
        return shortcut;
    }

    BatchNorm bnOut() {
        return bnOut;
    }

    @Override
    void checkInput(Shape in) {
        requireRank(in, 4, "EmbeddingHead", "N×C×H×W");
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
