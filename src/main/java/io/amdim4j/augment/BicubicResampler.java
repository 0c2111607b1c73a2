package io.amdim4j.augment;

/**
 * Bicubic resampling that follows Pillow's {@code Image.resize(..., BICUBIC)}, the interpolation the
 * reference uses for its resized crops and test resizes (spec §5.2, §5.3, §5.5):
 *
 * <ul>
 *   <li>Keys cubic kernel with a = −0.5, support 2 input pixels;</li>
 *   <li>when shrinking by a factor s &gt; 1 the kernel is stretched by s (support 2s), which is
 *       Pillow's antialiasing; when enlarging it is not stretched;</li>
 *   <li>output pixel i samples the input at centre (i + 0.5)·s; taps outside the input are dropped and
 *       the remaining weights renormalised to sum 1 (no edge padding);</li>
 *   <li>separable, horizontal pass first, each pass clipped to [0, 1] as Pillow's 8-bit images are.</li>
 * </ul>
 *
 * <p>Design decision: values stay float between and after the passes; Pillow rounds its 8-bit
 * results (the same choice as spec §5.3 makes for the colour jitter). A crop is resampled as if it
 * were the whole image, as torchvision crops before it resizes, so the kernel stops at the crop's
 * edges, not the image's.
 */
final class BicubicResampler {

    /** Keys' free parameter, as in Pillow. */
    static final double A = -0.5;
    /** Half-width of the unstretched kernel in input pixels. */
    static final double SUPPORT = 2.0;

    private BicubicResampler() {
    }

    /** Resizes the whole image to {@code outHeight × outWidth}. */
    public static FloatImage resize(FloatImage image, int outHeight, int outWidth) {
        return resizeCrop(image, 0, 0, image.height(), image.width(), outHeight, outWidth);
    }

    /**
     * Crops rows {@code [top, top + cropHeight)} and columns {@code [left, left + cropWidth)} and
     * resizes the crop to {@code outHeight × outWidth}, as a new image.
     */
    public static FloatImage resizeCrop(FloatImage image, int top, int left, int cropHeight, int cropWidth,
            int outHeight, int outWidth) {
        if (top < 0 || left < 0 || cropHeight <= 0 || cropWidth <= 0
                || top + cropHeight > image.height() || left + cropWidth > image.width()) {
            throw new IllegalArgumentException("crop (top " + top + ", left " + left + ", " + cropHeight + "x"
                    + cropWidth + ") does not fit a " + image.height() + "x" + image.width() + " image");
        }
        if (outHeight <= 0 || outWidth <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + outHeight + "x" + outWidth);
        }
        Taps horizontal = taps(cropWidth, outWidth);
        Taps vertical = taps(cropHeight, outHeight);
        int rowFirst = vertical.start[0];
        int rowLast = vertical.start[outHeight - 1] + vertical.count[outHeight - 1];
        int rows = rowLast - rowFirst;
        int channels = image.channels();
        int inW = image.width();
        float[] src = image.data();
        int srcPlane = image.planeSize();

        // Horizontal pass, only over the rows the vertical pass reads. Tap-major order makes the
        // innermost loop a run of independent multiply-adds instead of one long dependency chain.
        float[] tmp = new float[channels * rows * outWidth];
        int[] column = horizontal.tapMajorOffsets();
        float[] columnWeight = horizontal.tapMajorWeights();
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < rows; r++) {
                int srcRow = c * srcPlane + (top + rowFirst + r) * inW + left;
                int tmpRow = (c * rows + r) * outWidth;
                for (int k = 0, t = 0; k < horizontal.taps; k++, t += outWidth) {
                    for (int ox = 0; ox < outWidth; ox++) {
                        tmp[tmpRow + ox] += columnWeight[t + ox] * src[srcRow + column[t + ox]];
                    }
                }
                UnitRange.clipInPlace(tmp, tmpRow, tmpRow + outWidth);
            }
        }

        // Vertical pass: each output row is a weighted sum of whole tmp rows.
        float[] out = new float[channels * outHeight * outWidth];
        int vk = vertical.taps;
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                int outRow = (c * outHeight + oy) * outWidth;
                int firstTmpRow = c * rows + vertical.start[oy] - rowFirst;
                for (int k = 0, n = vertical.count[oy]; k < n; k++) {
                    float w = vertical.weights[oy * vk + k];
                    int tmpRow = (firstTmpRow + k) * outWidth;
                    for (int ox = 0; ox < outWidth; ox++) {
                        out[outRow + ox] += w * tmp[tmpRow + ox];
                    }
                }
                UnitRange.clipInPlace(out, outRow, outRow + outWidth);
            }
        }
        return new FloatImage(channels, outHeight, outWidth, out);
    }

    /**
     * Filter taps along one axis: output i reads inputs {@code start[i] … start[i] + count[i] − 1}
     * with weights {@code weights[i * taps + k]}.
     */
    record Taps(int[] start, int[] count, float[] weights, int taps) {

        /** Input offsets laid out {@code [k * outSize + i]}; unused taps point at a real input with weight 0. */
        int[] tapMajorOffsets() {
            int outSize = start.length;
            int[] offsets = new int[taps * outSize];
            for (int k = 0; k < taps; k++) {
                for (int i = 0; i < outSize; i++) {
                    offsets[k * outSize + i] = start[i] + Math.min(k, count[i] - 1);
                }
            }
            return offsets;
        }

        /** Weights laid out {@code [k * outSize + i]}, 0 beyond each output's tap count. */
        float[] tapMajorWeights() {
            int outSize = start.length;
            float[] w = new float[taps * outSize];
            for (int k = 0; k < taps; k++) {
                for (int i = 0; i < outSize; i++) {
                    w[k * outSize + i] = k < count[i] ? weights[i * taps + k] : 0f;
                }
            }
            return w;
        }
    }

    /** Pillow's {@code precompute_coeffs} for an axis of {@code inSize} inputs and {@code outSize} outputs. */
    static Taps taps(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        float[] weights = new float[outSize * taps];
        double[] w = new double[taps];
        for (int i = 0; i < outSize; i++) {
            double centre = (i + 0.5) * scale;
            // (int) truncates toward zero exactly like Pillow's C cast; the clamp makes the sign moot.
            int min = Math.max(0, (int) (centre - support + 0.5));
            int max = Math.min(inSize, (int) (centre + support + 0.5));
            int n = max - min;
            double total = 0;
            for (int k = 0; k < n; k++) {
                w[k] = cubic((k + min - centre + 0.5) / filterScale);
                total += w[k];
            }
            for (int k = 0; k < n; k++) {
                weights[i * taps + k] = (float) (total != 0 ? w[k] / total : w[k]);
            }
            start[i] = min;
            count[i] = n;
        }
        return new Taps(start, count, weights, taps);
    }

    /** Keys cubic convolution kernel with a = −0.5. */
    static double cubic(double x) {
        double t = Math.abs(x);
        if (t < 1) {
            return ((A + 2) * t - (A + 3)) * t * t + 1;
        }
        if (t < 2) {
            return (((t - 5) * t + 8) * t - 4) * A;
        }
        return 0;
    }
}
