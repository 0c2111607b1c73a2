package io.amdim4j.augment;

import java.util.List;

/**
 * Per-channel (x − mean)/std on [0, 1] values, the last step of every pipeline (spec §5.1 step 3),
 * with the statistics of spec §5.2 per family.
 *
 * @param mean one value per channel (1 or 3)
 * @param std one positive value per channel
 */
public record Normalize(List<Double> mean, List<Double> std) {

    private static final double MAX_8BIT = 255.0;

    /**
     * Copies the statistics and checks they fit one another.
     *
     * @param mean 1 or 3 values
     * @param std as many values as {@code mean}, each positive
     * @throws IllegalArgumentException if the counts differ or are not 1 or 3, or a std is not positive
     */
    public Normalize {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.size() != 1 && mean.size() != 3) {
            throw new IllegalArgumentException("normalize mean needs 1 or 3 values, got " + mean.size());
        }
        if (std.size() != mean.size()) {
            throw new IllegalArgumentException(
                    "normalize std needs " + mean.size() + " values like mean, got " + std.size());
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("normalize std values must be > 0, got " + std);
            }
        }
    }

    /** Spec §5.2, CIFAR: mean (125.3, 123.0, 113.9)/255, std (63.0, 62.1, 66.7)/255. */
    static Normalize cifar() {
        return new Normalize(
                List.of(125.3 / MAX_8BIT, 123.0 / MAX_8BIT, 113.9 / MAX_8BIT),
                List.of(63.0 / MAX_8BIT, 62.1 / MAX_8BIT, 66.7 / MAX_8BIT));
    }

    /** Spec §5.2, STL-10: mean (0.43, 0.42, 0.39), std (0.27, 0.26, 0.27). */
    static Normalize stl() {
        return new Normalize(List.of(0.43, 0.42, 0.39), List.of(0.27, 0.26, 0.27));
    }

    /** Spec §5.2, ImageNet and Places205: mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225). */
    static Normalize imagenet() {
        return new Normalize(List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225));
    }

    /** Spec §5.2 and §5.4, 28×28 grayscale: mean 0.2860, std 0.3530. */
    static Normalize gray28() {
        return new Normalize(List.of(0.2860), List.of(0.3530));
    }

    /** Number of channels these statistics are for. */
    int channels() {
        return mean.size();
    }

    /** Normalises {@code image} in place; its channel count must match. */
    void applyInPlace(FloatImage image) {
        if (image.channels() != mean.size()) {
            throw new IllegalArgumentException("normalize has statistics for " + mean.size()
                    + " channel(s), image has " + image.channels());
        }
        float[] d = image.data();
        int plane = image.planeSize();
        for (int c = 0; c < mean.size(); c++) {
            float m = mean.get(c).floatValue();
            float inv = (float) (1.0 / std.get(c));
            for (int i = c * plane, end = i + plane; i < end; i++) {
                d[i] = (d[i] - m) * inv;
            }
        }
    }
}
