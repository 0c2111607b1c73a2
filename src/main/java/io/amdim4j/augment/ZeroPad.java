package io.amdim4j.augment;

/**
 * Zero border of {@code padding} pixels on every side: 28×28 grayscale images become 32×32 before
 * augmentation, with no interpolation (spec §5.4; their background is already 0).
 *
 * @param padding border width in pixels, ≥ 0
 */
record ZeroPad(int padding) {

    /** Spec §5.4: 2 px on each side, 28 → 32. */
    public static final int PAD_28_TO_32 = 2;

    public ZeroPad {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
    }

    /** The padded image, new. */
    public FloatImage apply(FloatImage image) {
        int h = image.height();
        int w = image.width();
        int outH = h + 2 * padding;
        int outW = w + 2 * padding;
        float[] src = image.data();
        float[] dst = new float[image.channels() * outH * outW];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (c * h + y) * w, dst, (c * outH + y + padding) * outW + padding, w);
            }
        }
        return new FloatImage(image.channels(), outH, outW, dst);
    }
}
