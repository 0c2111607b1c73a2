package io.amdim4j.model;

import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;

/**
 * The BatchNorm of spec §2.2: affine, eps 1e-5, running estimates keeping 0.9 of the old value
 * with the unbiased batch variance, initialised γ = 1, β = 0, running mean 0, running variance 1
 * (spec §2.4, §9 #12).
 *
 * <p>DJL's {@code optMomentum} is the fraction retained; its PyTorch engine hands {@code 1 −
 * momentum} to {@code torch.batch_norm}, which is PyTorch's momentum 0.1 and updates the running
 * variance with the unbiased batch variance ({@code EncoderBlocksTest} checks both).
 */
final class AmdimBatchNorm {

    /** BN epsilon (spec §2.2). */
    static final float EPSILON = 1e-5f;

    /** Fraction of a running estimate kept per training forward pass (PyTorch momentum 0.1). */
    static final float MOMENTUM_RETAINED = 0.9f;

    private AmdimBatchNorm() {}

    /**
     * A new BN over axis 1 (channels of NCHW, features of N×F).
     *
     * @return the block, with every parameter's initialiser set explicitly
     */
    static BatchNorm create() {
        BatchNorm bn =
                BatchNorm.builder().optEpsilon(EPSILON).optMomentum(MOMENTUM_RETAINED).build();
        bn.setInitializer(Initializer.ONES, "gamma");
        bn.setInitializer(Initializer.ZEROS, "beta");
        bn.setInitializer(Initializer.ZEROS, "runningMean");
        bn.setInitializer(Initializer.ONES, "runningVar");
        return bn;
    }
}
