package io.amdim4j.augment;

import java.util.random.RandomGenerator;

/**
 * Mirrors an image left to right with a given probability. In AMDIM it runs once per source image,
 * before the two views are made, so both views share it (spec §5.1 step 1).
 *
 * @param probability chance of flipping, in [0, 1]
 */
record HorizontalFlip(double probability) {

    /** Spec §5.1: p = 0.5. */
    public static final double FLIP_PROBABILITY = 0.5;

    public HorizontalFlip {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("flip probability must be in [0, 1], got " + probability);
        }
    }

    /** The flip of spec §5.1 (p = 0.5). */
    public static HorizontalFlip standard() {
        return new HorizontalFlip(FLIP_PROBABILITY);
    }

    /** Draws one number from {@code rng} and, with {@link #probability()}, flips {@code image} in place. */
    public void applyInPlace(FloatImage image, RandomGenerator rng) {
        if (rng.nextDouble() < probability) {
            flipInPlace(image);
        }
    }

    /** Mirrors every row of every channel: out[c, y, x] = in[c, y, W − 1 − x]. */
    public static void flipInPlace(FloatImage image) {
        float[] d = image.data();
        int w = image.width();
        int rows = image.channels() * image.height();
        for (int r = 0; r < rows; r++) {
            int left = r * w;
            int right = left + w - 1;
            while (left < right) {
                float t = d[left];
                d[left++] = d[right];
                d[right--] = t;
            }
        }
    }
}
