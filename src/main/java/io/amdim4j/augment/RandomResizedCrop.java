package io.amdim4j.augment;

import java.util.random.RandomGenerator;

/**
 * Random crop of random area and aspect ratio, resized bicubically to {@code size × size}: the 64- and
 * 128-px geometry of spec §5.2 step (1), with torchvision's algorithm (spec §5.3). Up to
 * {@link #ATTEMPTS} times, draw an area fraction uniformly from the scale range and an aspect ratio
 * log-uniformly from the ratio range; the crop is round(√(A·frac·r)) wide and round(√(A·frac/r)) high
 * (round half to even, as Python); the first that fits is placed uniformly at random. Otherwise take a
 * centre crop with the image's ratio clamped to the range (or the whole image).
 *
 * @param size output side in pixels
 * @param scaleMin smallest area fraction, in (0, scaleMax]
 * @param scaleMax largest area fraction, in [scaleMin, 1]
 * @param ratioMin smallest width/height ratio, in (0, ratioMax]
 * @param ratioMax largest width/height ratio
 */
public record RandomResizedCrop(int size, double scaleMin, double scaleMax, double ratioMin, double ratioMax) {

    /** Spec §5.2: scale (0.3, 1.0). */
    static final double SCALE_MIN = 0.3;
    static final double SCALE_MAX = 1.0;
    /** Spec §9 #4, our 128-px default: scale (0.2, 0.9). */
    static final double SCALE_MIN_128 = 0.2;
    static final double SCALE_MAX_128 = 0.9;
    /** Spec §5.2: ratio (0.7, 1.4). */
    static final double RATIO_MIN = 0.7;
    static final double RATIO_MAX = 1.4;
    /** Spec §5.3: up to 10 attempts before the centre-crop fallback. */
    static final int ATTEMPTS = 10;

    /**
     * Checks the ranges.
     *
     * @param size positive
     * @param scaleMin in (0, scaleMax]
     * @param scaleMax in [scaleMin, 1]
     * @param ratioMin in (0, ratioMax]
     * @param ratioMax finite
     * @throws IllegalArgumentException naming the range that does not hold
     */
    public RandomResizedCrop {
        if (size <= 0) {
            throw new IllegalArgumentException("crop size must be positive, got " + size);
        }
        if (!(scaleMin > 0 && scaleMin <= scaleMax && scaleMax <= 1)) {
            throw new IllegalArgumentException(
                    "crop scale must satisfy 0 < scaleMin <= scaleMax <= 1, got (" + scaleMin + ", " + scaleMax + ")");
        }
        if (!(ratioMin > 0 && ratioMin <= ratioMax && Double.isFinite(ratioMax))) {
            throw new IllegalArgumentException(
                    "crop ratio must satisfy 0 < ratioMin <= ratioMax, got (" + ratioMin + ", " + ratioMax + ")");
        }
    }

    /** Spec §5.2: scale (0.3, 1.0), ratio (0.7, 1.4). */
    static RandomResizedCrop standard(int size) {
        return new RandomResizedCrop(size, SCALE_MIN, SCALE_MAX, RATIO_MIN, RATIO_MAX);
    }

    /** A crop rectangle in input pixels. */
    record CropBox(int top, int left, int height, int width) {
    }

    /** Draws a crop box, then resamples it to {@code size × size} as a new image. */
    FloatImage apply(FloatImage image, RandomGenerator rng) {
        CropBox box = sample(image.height(), image.width(), rng);
        return BicubicResampler.resizeCrop(image, box.top(), box.left(), box.height(), box.width(), size, size);
    }

    /**
     * Draws a crop box for a {@code height × width} image. Per attempt: the area fraction, then the log
     * ratio; on success the top, then the left offset.
     */
    CropBox sample(int height, int width, RandomGenerator rng) {
        double area = (double) height * width;
        double logRatioMin = Math.log(ratioMin);
        double logRatioMax = Math.log(ratioMax);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * (scaleMin + (scaleMax - scaleMin) * rng.nextDouble());
            double ratio = Math.exp(logRatioMin + (logRatioMax - logRatioMin) * rng.nextDouble());
            int w = (int) Math.rint(Math.sqrt(targetArea * ratio));
            int h = (int) Math.rint(Math.sqrt(targetArea / ratio));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new CropBox(top, left, h, w);
            }
        }
        return centreFallback(height, width);
    }

    /** torchvision's fallback: the largest centred crop whose ratio is the image's, clamped to the range. */
    CropBox centreFallback(int height, int width) {
        double inRatio = (double) width / height;
        int w;
        int h;
        if (inRatio < ratioMin) {
            w = width;
            h = (int) Math.rint(w / ratioMin);
        } else if (inRatio > ratioMax) {
            h = height;
            w = (int) Math.rint(h * ratioMax);
        } else {
            w = width;
            h = height;
        }
        return new CropBox((height - h) / 2, (width - w) / 2, h, w);
    }
}
