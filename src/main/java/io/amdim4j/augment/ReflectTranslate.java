package io.amdim4j.augment;

import java.util.random.RandomGenerator;

/**
 * Random integer translation with reflected fill, the 32-px geometry of spec §5.2 step (1) and §5.3:
 * out[y, x] = in[refl(y − ty), refl(x − tx)] with tx, ty uniform in −maxShift…maxShift, where refl
 * mirrors without repeating the edge (−1 → 1, 32 → 30). That equals reflect-padding by maxShift and
 * cropping at offset (maxShift − tx, maxShift − ty).
 *
 * @param probability chance of translating, in [0, 1] (spec: 0.8)
 * @param maxShift largest |tx| and |ty| in pixels, ≥ 0 (spec: 4)
 */
public record ReflectTranslate(double probability, int maxShift) {

    /** Spec §5.2: translation applied with p = 0.8. */
    static final double TRANSLATE_PROBABILITY = 0.8;
    /** Spec §5.2: tx, ty uniform in −4…4. */
    static final int MAX_SHIFT = 4;

    /**
     * Checks the probability and shift.
     *
     * @param probability in [0, 1]
     * @param maxShift at least 0
     * @throws IllegalArgumentException naming the value out of range
     */
    public ReflectTranslate {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("translate probability must be in [0, 1], got " + probability);
        }
        if (maxShift < 0) {
            throw new IllegalArgumentException("translate maxShift must be >= 0, got " + maxShift);
        }
    }

    /** Spec §5.2: p = 0.8, ±4 px. */
    static ReflectTranslate standard() {
        return new ReflectTranslate(TRANSLATE_PROBABILITY, MAX_SHIFT);
    }

    /**
     * Returns a new translated image (or a copy when the draw says no). Draws one number for the
     * decision, then tx, then ty.
     */
    FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (!(rng.nextDouble() < probability)) {
            return image.copy();
        }
        int tx = rng.nextInt(-maxShift, maxShift + 1);
        int ty = rng.nextInt(-maxShift, maxShift + 1);
        return translate(image, tx, ty);
    }

    /** out[c, y, x] = in[c, refl(y − ty), refl(x − tx)], as a new image. */
    static FloatImage translate(FloatImage image, int tx, int ty) {
        int h = image.height();
        int w = image.width();
        float[] src = image.data();
        float[] dst = new float[src.length];
        // Columns x in [xFrom, xTo) read x − tx inside the image: one contiguous copy per row.
        int xFrom = Math.max(0, tx);
        int xTo = Math.min(w, w + tx);
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * h * w;
            for (int y = 0; y < h; y++) {
                int srcRow = plane + reflect(y - ty, h) * w;
                int dstRow = plane + y * w;
                if (xTo > xFrom) {
                    System.arraycopy(src, srcRow + xFrom - tx, dst, dstRow + xFrom, xTo - xFrom);
                }
                for (int x = 0; x < Math.min(xFrom, w); x++) {
                    dst[dstRow + x] = src[srcRow + reflect(x - tx, w)];
                }
                for (int x = Math.max(xTo, 0); x < w; x++) {
                    dst[dstRow + x] = src[srcRow + reflect(x - tx, w)];
                }
            }
        }
        return new FloatImage(image.channels(), h, w, dst);
    }

    /**
     * Mirror index without repeating the edge (numpy "reflect"): −1 → 1, n → n − 2; periodic with
     * period 2(n − 1), so any shift works even on images smaller than the shift.
     */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
