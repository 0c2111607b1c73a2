package io.amdim4j.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Random brightness, contrast, saturation and hue changes, applied in a new random order on every
 * call and clipped to [0, 1] after each (spec §5.3). Arithmetic is in float, a spec design decision
 * (the reference's image library rounds to 8 bits between operations).
 *
 * <p>Factors: b, c, s ~ U[max(0, 1 − strength), 1 + strength], h ~ U[−hue, hue]. A strength of 0
 * removes the operation (no draw). On 1-channel images only brightness and contrast exist
 * (spec §5.4): saturation and hue are dropped there.
 *
 * @param probability chance of jittering at all, in [0, 1] (spec: 0.8)
 * @param brightness brightness strength, ≥ 0 (spec: 0.4)
 * @param contrast contrast strength, ≥ 0 (spec: 0.4)
 * @param saturation saturation strength, ≥ 0 (spec: 0.4)
 * @param hue hue strength in [0, 0.5] (spec: 0.2, or 0.1 at 128 px)
 */
public record ColorJitter(double probability, double brightness, double contrast, double saturation, double hue) {

    /** Spec §5.2: jitter applied with p = 0.8. */
    static final double JITTER_PROBABILITY = 0.8;
    /** Spec §5.2: brightness, contrast and saturation strength 0.4. */
    static final double BCS_STRENGTH = 0.4;
    /** Spec §5.2: hue strength 0.2 at 32 and 64 px. */
    static final double HUE_STRENGTH = 0.2;
    /** Spec §5.2: hue strength 0.1 at 128 px. */
    static final double HUE_STRENGTH_128 = 0.1;
    /** Hue is a fraction of the colour circle, so a shift beyond half a turn is meaningless. */
    private static final double MAX_HUE = 0.5;

    static final int BRIGHTNESS = 0;
    static final int CONTRAST = 1;
    static final int SATURATION = 2;
    static final int HUE = 3;
    private static final int OPERATIONS = 4;

    /**
     * Checks the probability and strengths.
     *
     * @param probability in [0, 1]
     * @param brightness at least 0
     * @param contrast at least 0
     * @param saturation at least 0
     * @param hue in [0, 0.5]
     * @throws IllegalArgumentException naming the value out of range
     */
    public ColorJitter {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("jitter probability must be in [0, 1], got " + probability);
        }
        requireStrength("brightness", brightness);
        requireStrength("contrast", contrast);
        requireStrength("saturation", saturation);
        if (!(hue >= 0 && hue <= MAX_HUE)) {
            throw new IllegalArgumentException("jitter hue must be in [0, 0.5], got " + hue);
        }
    }

    /** Spec §5.2: p = 0.8, (0.4, 0.4, 0.4, hue). */
    static ColorJitter standard(double hue) {
        return new ColorJitter(JITTER_PROBABILITY, BCS_STRENGTH, BCS_STRENGTH, BCS_STRENGTH, hue);
    }

    /**
     * One call's random parameters.
     *
     * @param order operation ids ({@link #BRIGHTNESS} …) in the order they run; absent ones are left out
     */
    record Draw(float brightness, float contrast, float saturation, float hue, int[] order) {
    }

    /** With {@link #probability()}, jitters {@code image} in place. */
    void applyInPlace(FloatImage image, RandomGenerator rng) {
        if (rng.nextDouble() < probability) {
            apply(image, draw(image.channels(), rng));
        }
    }

    /** Draws b, c, s, h (each only if present), then the order. */
    Draw draw(int channels, RandomGenerator rng) {
        boolean colour = channels == 3;
        int[] active = new int[OPERATIONS];
        int n = 0;
        float b = 1;
        float c = 1;
        float s = 1;
        float h = 0;
        if (brightness > 0) {
            b = (float) uniformAroundOne(brightness, rng);
            active[n++] = BRIGHTNESS;
        }
        if (contrast > 0) {
            c = (float) uniformAroundOne(contrast, rng);
            active[n++] = CONTRAST;
        }
        if (colour && saturation > 0) {
            s = (float) uniformAroundOne(saturation, rng);
            active[n++] = SATURATION;
        }
        if (colour && hue > 0) {
            h = (float) (-hue + 2 * hue * rng.nextDouble());
            active[n++] = HUE;
        }
        int[] order = Arrays.copyOf(active, n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Draw(b, c, s, h, order);
    }

    /** Runs the drawn operations in the drawn order. */
    static void apply(FloatImage image, Draw draw) {
        for (int op : draw.order()) {
            switch (op) {
                case BRIGHTNESS -> adjustBrightness(image, draw.brightness());
                case CONTRAST -> adjustContrast(image, draw.contrast());
                case SATURATION -> adjustSaturation(image, draw.saturation());
                case HUE -> adjustHue(image, draw.hue());
                default -> throw new IllegalStateException("unknown jitter operation " + op);
            }
        }
    }

    /** x ← clip(b·x). */
    static void adjustBrightness(FloatImage image, float b) {
        float[] d = image.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.max(0f, Math.min(1f, b * d[i]));
        }
    }

    /** x ← clip(c·x + (1 − c)·mean(gray(x))), one mean over the whole image. */
    static void adjustContrast(FloatImage image, float c) {
        float[] d = image.data();
        int plane = image.planeSize();
        double sum = 0;
        if (image.channels() == 3) {
            for (int p = 0; p < plane; p++) {
                sum += Grayscale.luma(d[p], d[plane + p], d[2 * plane + p]);
            }
        } else {
            for (int p = 0; p < plane; p++) {
                sum += d[p];
            }
        }
        float offset = (1 - c) * (float) (sum / plane);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.max(0f, Math.min(1f, c * d[i] + offset));
        }
    }

    /** x ← clip(s·x + (1 − s)·gray(x)) per pixel; nothing to do on one channel. */
    static void adjustSaturation(FloatImage image, float s) {
        if (image.channels() != 3) {
            return;
        }
        float[] d = image.data();
        int plane = image.planeSize();
        // The grey plane first, so the blend and the clip below are simple loops.
        float keep = 1 - s;
        float[] grayPart = new float[plane];
        for (int p = 0; p < plane; p++) {
            grayPart[p] = keep * Grayscale.luma(d[p], d[plane + p], d[2 * plane + p]);
        }
        for (int c = 0; c < 3; c++) {
            int offset = c * plane;
            for (int p = 0; p < plane; p++) {
                d[offset + p] = s * d[offset + p] + grayPart[p];
            }
        }
        UnitRange.clipInPlace(d, 0, d.length);
    }

    /**
     * In HSV, H ← (H + h) mod 1; S and V stay. Grey pixels (S = 0) have no hue and stay as they are;
     * nothing to do on one channel.
     *
     * <p>Back to RGB via channel = V − C·clamp(min(k, 4 − k), 0, 1) with k = (n + 6H) mod 6 and
     * n = 5, 3, 1 for R, G, B (C = V − min is the chroma): the branch-free form of the HSV sector
     * table, which keeps this loop fast on the noisy hue of real images.
     */
    static void adjustHue(FloatImage image, float h) {
        if (image.channels() != 3) {
            return;
        }
        float[] d = image.data();
        int plane = image.planeSize();
        float shift = 6 * (h - (float) Math.floor(h));
        for (int p = 0; p < plane; p++) {
            float r = d[p];
            float g = d[plane + p];
            float b = d[2 * plane + p];
            // Compares, not Math.max/min, which are slow in scalar loops (see UnitRange).
            float max = r > g ? (r > b ? r : b) : (g > b ? g : b);
            float min = r < g ? (r < b ? r : b) : (g < b ? g : b);
            float chroma = max - min;
            if (chroma <= 0) {
                continue;
            }
            float inv = 1 / chroma;
            // Hue in sixths of a turn, in [−1, 5] before the shift.
            float sector = max == r ? (g - b) * inv : (max == g ? 2 + (b - r) * inv : 4 + (r - g) * inv);
            sector += shift;
            sector = sector < 0 ? sector + 6 : sector;
            sector = sector >= 6 ? sector - 6 : sector;
            d[p] = UnitRange.clip(max - chroma * hueRamp(sector + 5));
            d[plane + p] = UnitRange.clip(max - chroma * hueRamp(sector + 3));
            d[2 * plane + p] = UnitRange.clip(max - chroma * hueRamp(sector + 1));
        }
    }

    /** clamp(min(k, 4 − k), 0, 1) for k = x mod 6, x in [1, 12). */
    private static float hueRamp(float x) {
        float k = x >= 6 ? x - 6 : x;
        float ramp = k < 4 - k ? k : 4 - k;
        return ramp < 0 ? 0 : (ramp > 1 ? 1 : ramp);
    }

    private static double uniformAroundOne(double strength, RandomGenerator rng) {
        double lo = Math.max(0, 1 - strength);
        double hi = 1 + strength;
        return lo + (hi - lo) * rng.nextDouble();
    }

    private static void requireStrength(String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("jitter " + name + " must be >= 0, got " + value);
        }
    }
}
