package io.amdim4j.augment;

/**
 * Bicubic resize so that the shorter side becomes {@code size} and the aspect ratio is kept, the
 * longer side truncated to an integer as torchvision's {@code Resize(int)} does (spec §5.5: 70 for
 * STL-10, 146 at 128 px).
 *
 * @param size target length of the shorter side
 */
record ResizeShorterSide(int size) {

    /** Spec §5.5: shorter side 70 before the 64-px centre crop. */
    public static final int TEST_RESIZE_64 = 70;
    /** Spec §5.5: shorter side 146 before the 128-px centre crop. */
    public static final int TEST_RESIZE_128 = 146;

    public ResizeShorterSide {
        if (size <= 0) {
            throw new IllegalArgumentException("resize size must be positive, got " + size);
        }
    }

    /** The resized image, new; an image whose shorter side already fits is returned as a copy. */
    public FloatImage apply(FloatImage image) {
        int h = image.height();
        int w = image.width();
        if (Math.min(h, w) == size) {
            return image.copy();
        }
        int outH;
        int outW;
        if (w <= h) {
            outW = size;
            outH = (int) ((long) size * h / w);
        } else {
            outH = size;
            outW = (int) ((long) size * w / h);
        }
        return BicubicResampler.resize(image, outH, outW);
    }
}
