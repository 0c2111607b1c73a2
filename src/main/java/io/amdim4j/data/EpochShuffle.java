package io.amdim4j.data;

import java.util.random.RandomGenerator;

/**
 * The order in which one epoch visits a dataset: a Fisher-Yates permutation drawn from the
 * generator of (seed, epoch). Recomputing it after a resume gives the same order, so a data cursor
 * only has to store the epoch and the position within it.
 *
 * @param seeds the shuffling stream (e.g. {@code master.derive("shuffle")})
 */
public record EpochShuffle(SeedStreams seeds) {

    public EpochShuffle {
        java.util.Objects.requireNonNull(seeds, "seeds");
    }

    public EpochShuffle(long seed) {
        this(new SeedStreams(seed));
    }

    /** A uniformly random permutation of {@code 0 .. size-1}, fixed by (seed, epoch). */
    public int[] order(int epoch, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be non-negative, got " + size);
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        RandomGenerator random = seeds.forEpoch(epoch);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
