package io.amdim4j.data;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random sources derived from one seed by hashing, never by sharing a generator: the draws for
 * sample {@code index} in {@code epoch} are a pure function of (seed, epoch, index), so they do not
 * depend on how many loader threads run, in which order samples are processed, or whether the run
 * was resumed from a checkpoint (STYLE "Configuration": one master seed split per purpose).
 *
 * <p>Mixing is SplitMix64's finaliser (Steele, Lea and Flood 2014), a bijection on 64-bit values
 * with full avalanche, applied once per absorbed value.
 *
 * @param seed the master (or purpose) seed
 */
public record SeedStreams(long seed) {

    /** SplitMix64's increment, 2^64 / φ, odd. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Distinct salts keep (epoch, index) streams apart from purpose and epoch-only streams. */
    private static final long EPOCH_SALT = 0x5851f42d4c957f2dL;
    private static final long SAMPLE_SALT = 0x14057b7ef767814fL;
    private static final long PURPOSE_SALT = 0x2545f4914f6cdd1dL;

    /** An independent stream for one purpose ("augment", "shuffle", "locations", ...). */
    public SeedStreams derive(String purpose) {
        long h = absorb(seed, PURPOSE_SALT);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = absorb(h, b);
        }
        return new SeedStreams(absorb(h, purpose.length()));
    }

    /** Seed for whole-epoch decisions (the shuffle of epoch {@code epoch}). */
    public long epochSeed(int epoch) {
        return absorb(absorb(seed, EPOCH_SALT), epoch);
    }

    /** Seed for sample {@code index} (position in the dataset, not in the shuffled order) of {@code epoch}. */
    public long sampleSeed(int epoch, long index) {
        return absorb(absorb(absorb(seed, SAMPLE_SALT), epoch), index);
    }

    /** A fresh generator for {@link #epochSeed}. */
    RandomGenerator forEpoch(int epoch) {
        return new SplittableRandom(epochSeed(epoch));
    }

    /** A fresh generator for {@link #sampleSeed}; used by one thread for one sample. */
    public RandomGenerator forSample(int epoch, long index) {
        return new SplittableRandom(sampleSeed(epoch, index));
    }

    /** SplitMix64 finaliser (variant 13 of Stafford's mixers). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Folds {@code value} into {@code state}; mixing the value first keeps nearby values far apart. */
    private static long absorb(long state, long value) {
        return mix64(state + GOLDEN_GAMMA + mix64(value ^ GOLDEN_GAMMA));
    }
}
