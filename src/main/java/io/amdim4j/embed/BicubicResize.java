package io.amdim4j.embed;

/**
 * Bicubic resizing of 8-bit planes exactly as the reference's image library (Pillow, called by the
 * reference's test transforms, spec §5.5) does it for 8-bit images, so that an exported STL-10 or
 * ImageNet model sees the reference's pixels:
 *
 * <ul>
 *   <li>Keys' cubic with a = −0.5; output pixel centres map to input pixel centres; when shrinking,
 *       the kernel is widened by the scale factor (antialiasing);
 *   <li>the weights of each output pixel are normalised, then stored in fixed point with {@link
 *       #PRECISION_BITS} fractional bits, rounded half away from zero;
 *   <li>two passes, columns (along a row) first, then rows, each only if that side changes; each pass
 *       rounds to the nearest integer and clamps to 0…255.
 * </ul>
 *
 * <p>The planes hold 8-bit values as floats (as everything before the resize in {@link
 * Preprocessing} produces integers), and so does the result.
 */
final class BicubicResize {

    /** Keys' cubic convolution parameter of the reference's bicubic filter. */
    static final double CUBIC_A = -0.5;

    /** The cubic kernel is non-zero on (−2, 2). */
    static final double CUBIC_SUPPORT = 2.0;

    /** Fractional bits of the fixed-point weights: 32 − 8 (pixel) − 2 (headroom). */
    static final int PRECISION_BITS = 32 - 8 - 2;

    private static final int MAX_8_BIT = 255;

    private BicubicResize() {}

    /** Resizes each of {@code channels} planes of 8-bit values from h×w to outH×outW. */
    static float[] resize(float[] planes, int channels, int h, int w, int outH, int outW) {
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("cannot resize " + h + "×" + w + " to " + outH + "×" + outW);
        }
        int[] pixels = new int[planes.length];
        for (int i = 0; i < planes.length; i++) {
            pixels[i] = Math.round(planes[i]);
        }
        if (outW != w) {
            pixels = pass(pixels, channels * h, w, 1, Weights.of(w, outW), outW);
        }
        if (outH != h) {
            int[] resized = new int[channels * outH * outW];
            Weights down = Weights.of(h, outH);
            for (int c = 0; c < channels; c++) {
                int[] plane = new int[h * outW];
                System.arraycopy(pixels, c * h * outW, plane, 0, plane.length);
                int[] out = pass(plane, outW, h, outW, down, outH);
                System.arraycopy(out, 0, resized, c * outH * outW, out.length);
            }
            pixels = resized;
        }
        float[] result = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            result[i] = pixels[i];
        }
        return result;
    }

    /**
     * One 1-d pass over {@code lines} independent lines of {@code in} samples spaced {@code stride}
     * apart (1 along a row, the row width down a column); the output keeps the layout.
     */
    private static int[] pass(int[] src, int lines, int in, int stride, Weights weights, int out) {
        int[] dst = new int[src.length / in * out];
        int half = 1 << (PRECISION_BITS - 1);
        for (int line = 0; line < lines; line++) {
            // along a row: line = row index, samples contiguous; down a column: line = column index
            int srcBase = stride == 1 ? line * in : line;
            int dstBase = stride == 1 ? line * out : line;
            for (int o = 0; o < out; o++) {
                int[] k = weights.fixed[o];
                int first = weights.first[o];
                int sum = half;
                for (int i = 0; i < k.length; i++) {
                    sum += src[srcBase + (first + i) * stride] * k[i];
                }
                dst[dstBase + o * stride] = Math.min(MAX_8_BIT, Math.max(0, sum >> PRECISION_BITS));
            }
        }
        return dst;
    }

    /** Keys' cubic: 1 at 0, 0 at the other integers, continuous first derivative. */
    static double cubic(double t) {
        double x = Math.abs(t);
        if (x < 1) {
            return ((CUBIC_A + 2) * x - (CUBIC_A + 3)) * x * x + 1;
        }
        if (x < 2) {
            return (((x - 5) * x + 8) * x - 4) * CUBIC_A;
        }
        return 0;
    }

    /** For every output index, the first input index it reads and its fixed-point weights. */
    private record Weights(int[] first, int[][] fixed) {

        static Weights of(int in, int out) {
            double scale = (double) in / out;
            double stretch = Math.max(scale, 1.0); // widen the kernel only when shrinking
            double support = CUBIC_SUPPORT * stretch;
            double shrink = 1.0 / stretch; // multiplied, not divided, as the reference does: same last bits
            int[] first = new int[out];
            int[][] fixed = new int[out][];
            for (int o = 0; o < out; o++) {
                double center = (o + 0.5) * scale;
                int lo = Math.max(0, (int) (center - support + 0.5));
                int hi = Math.min(in, (int) (center + support + 0.5));
                double[] k = new double[hi - lo];
                double total = 0;
                for (int i = 0; i < k.length; i++) {
                    k[i] = cubic((lo + i - center + 0.5) * shrink);
                    total += k[i];
                }
                int[] q = new int[k.length];
                for (int i = 0; i < k.length; i++) {
                    double normalised = total != 0 ? k[i] / total : k[i];
                    double scaled = normalised * (1 << PRECISION_BITS);
                    q[i] = (int) (scaled < 0 ? scaled - 0.5 : scaled + 0.5);
                }
                first[o] = lo;
                fixed[o] = q;
            }
            return new Weights(first, fixed);
        }
    }
}
