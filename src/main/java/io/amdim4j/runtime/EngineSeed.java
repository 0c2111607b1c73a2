package io.amdim4j.runtime;

import ai.djl.engine.Engine;

/**
 * The one way amdim4j seeds the engine's generator, which every initialiser of §2.4 and every
 * dropout mask draws from. Our seeds are 64-bit ({@code SeedStreams}, the eval seeds), DJL's
 * {@code Engine.setRandomSeed} takes an {@code int} (the PyTorch engine widens it again for
 * {@code torch.manual_seed}), so 64 bits must become 32 somewhere, and they must become the same
 * 32 bits wherever the engine is seeded, or two paths fed the same seed draw different weights.
 *
 * <p>The fold {@code Long.hashCode} (high half XOR low half) is used rather than a cast: a cast
 * drops the high half, so seeds that differ only above bit 31 (a user's {@code s} and
 * {@code s + 2^32}) would seed the engine identically, while the fold lets every bit of the seed
 * count. For seeds in {@code [0, 2^31)}, the small seeds users and tests type, both agree, so
 * those keep the engine state they always had.
 */
public final class EngineSeed {

    private EngineSeed() {}

    /**
     * The 32-bit engine seed of a 64-bit seed.
     *
     * @param seed any seed
     * @return {@code Long.hashCode(seed)}
     */
    static int fold(long seed) {
        return Long.hashCode(seed);
    }

    /**
     * Seeds the engine's generator; call it immediately before the draws it should fix.
     *
     * @param seed any seed
     */
    public static void apply(long seed) {
        Engine.getInstance().setRandomSeed(fold(seed));
    }
}
