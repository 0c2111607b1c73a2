package io.amdim4j.augment;

/**
 * Clipping to [0, 1], the range of image values between operations (spec §5.3 clips after every
 * jitter operation; Pillow's 8-bit resampling clips too).
 *
 * <p>Two forms because HotSpot (17) only vectorises a loop that reads and writes one array: bulk
 * clipping of a single array uses {@link Math#min}/{@link Math#max}, which vectorise; clipping
 * inside a loop over several arrays uses a compare, which is much cheaper than scalar min/max.
 */
final class UnitRange {

    private UnitRange() {
    }

    /** v clipped to [0, 1] (NaN stays NaN). */
    static float clip(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    /** Clips {@code d[from, to)} in place. */
    static void clipInPlace(float[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            d[i] = Math.max(0f, Math.min(1f, d[i]));
        }
    }
}
