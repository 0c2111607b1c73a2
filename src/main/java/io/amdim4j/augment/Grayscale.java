package io.amdim4j.augment;

import java.util.random.RandomGenerator;

/**
 * Random conversion to grey, L = 0.299R + 0.587G + 0.114B copied to all three channels
 * (spec §5.2 step (3), §5.3). One-channel images are already grey: nothing is drawn for them
 * (spec §5.4 drops the operation there).
 *
 * @param probability chance of converting, in [0, 1] (spec: 0.25)
 */
public record Grayscale(double probability) {

    /** Spec §5.2: grayscale with p = 0.25. */
    static final double GRAYSCALE_PROBABILITY = 0.25;
    /** ITU-R 601 luma weights, spec §5.3. */
    static final float LUMA_R = 0.299f;
    static final float LUMA_G = 0.587f;
    static final float LUMA_B = 0.114f;

    /**
     * Checks the probability.
     *
     * @param probability in [0, 1]
     * @throws IllegalArgumentException if it is outside [0, 1]
     */
    public Grayscale {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("grayscale probability must be in [0, 1], got " + probability);
        }
    }

    /** Spec §5.2: p = 0.25. */
    static Grayscale standard() {
        return new Grayscale(GRAYSCALE_PROBABILITY);
    }

    /** With {@link #probability()}, makes a 3-channel {@code image} grey in place. */
    void applyInPlace(FloatImage image, RandomGenerator rng) {
        if (image.channels() == 3 && rng.nextDouble() < probability) {
            toGrayInPlace(image);
        }
    }

    /** Writes the luma of each pixel to all three channels. */
    static void toGrayInPlace(FloatImage image) {
        if (image.channels() != 3) {
            return;
        }
        float[] d = image.data();
        int plane = image.planeSize();
        for (int p = 0; p < plane; p++) {
            float l = luma(d[p], d[plane + p], d[2 * plane + p]);
            d[p] = l;
            d[plane + p] = l;
            d[2 * plane + p] = l;
        }
    }

    /**
     * 0.299R + 0.587G + 0.114B, the ITU-R 601 luma that PIL's {@code convert("L")} uses.
     *
     * @param r red, in [0, 1]
     * @param g green, in [0, 1]
     * @param b blue, in [0, 1]
     * @return the grey value, in [0, 1] when the inputs are
     */
    public static float luma(float r, float g, float b) {
        return LUMA_R * r + LUMA_G * g + LUMA_B * b;
    }
}
