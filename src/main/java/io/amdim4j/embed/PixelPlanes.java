package io.amdim4j.embed;

/**
 * Geometry on planar CHW float images whose values are still on the 0…255 scale: zero padding,
 * centre crop and the luma of spec §5.3. Separate from {@link Preprocessing} so that each step can
 * be tested on its own.
 */
final class PixelPlanes {

    /** Grayscale weights L = 0.299R + 0.587G + 0.114B (spec §5.3). */
    static final float LUMA_R = 0.299f;

    static final float LUMA_G = 0.587f;

    static final float LUMA_B = 0.114f;

    private PixelPlanes() {}

    /**
     * Luma of one 8-bit RGB pixel, rounded to 8 bits exactly as DJL's {@code Image.toNDArray(…,
     * GRAYSCALE)} does, so that an RGB image gives the same input whether it arrives as a DJL
     * {@code Image} or as a dataset sample.
     */
    static int luma(int r, int g, int b) {
        return Math.round(LUMA_R * r + LUMA_G * g + LUMA_B * b);
    }

    /**
     * The size {h, w} after resizing the shorter side to {@code target}: the longer side keeps the
     * aspect ratio, truncated to an integer, as torchvision's {@code Resize(int)} computes it.
     */
    static int[] shorterSideTo(int h, int w, int target) {
        if (h <= w) {
            return new int[] {target, (int) ((long) target * w / h)};
        }
        return new int[] {(int) ((long) target * h / w), target};
    }

    /** Adds {@code pad} zero pixels on every side of each plane (spec §5.4). */
    static float[] pad(float[] planes, int channels, int h, int w, int pad) {
        int outH = h + 2 * pad;
        int outW = w + 2 * pad;
        float[] out = new float[channels * outH * outW];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(planes, (c * h + y) * w, out, (c * outH + y + pad) * outW + pad, w);
            }
        }
        return out;
    }

    /**
     * The centred {@code size × size} window. Offsets are round((h − size)/2) with ties to even,
     * as torchvision's {@code center_crop} computes them with Python's {@code round}.
     */
    static float[] centerCrop(float[] planes, int channels, int h, int w, int size) {
        if (h < size || w < size) {
            throw new IllegalArgumentException("cannot centre-crop " + size + "×" + size + " from " + h + "×" + w);
        }
        int top = (int) Math.rint((h - size) / 2.0);
        int left = (int) Math.rint((w - size) / 2.0);
        float[] out = new float[channels * size * size];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(planes, (c * h + top + y) * w + left, out, (c * size + y) * size, size);
            }
        }
        return out;
    }
}
