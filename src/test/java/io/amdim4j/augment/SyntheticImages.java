package io.amdim4j.augment;

import io.amdim4j.data.RawImage;
import java.util.SplittableRandom;

/** Deterministic random images for the augmentation tests. */
final class SyntheticImages {

    private SyntheticImages() {
    }

    /** Uniform random values in [lo, hi). */
    static FloatImage uniform(int channels, int height, int width, double lo, double hi, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] d = new float[channels * height * width];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return new FloatImage(channels, height, width, d);
    }

    /** Random 8-bit image. */
    static RawImage raw(int channels, int height, int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] p = new byte[channels * height * width];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) rng.nextInt(256);
        }
        return new RawImage(channels, height, width, p);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
