package io.amdim4j.report;

import java.awt.Color;

/**
 * Colours of series and classes: the ten of matplotlib's "tab10" (what readers of ML plots are
 * used to), then hues spaced by the golden angle so that any number of classes stay distinct.
 */
final class Palette {

    private static final int[] TAB10 = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    };

    /** Golden angle as a fraction of the colour wheel: consecutive hues never bunch up. */
    private static final float GOLDEN_TURN = 0.381966f;
    private static final float SATURATION = 0.65f;
    private static final float BRIGHTNESS = 0.85f;

    private Palette() {}

    /** Colour number {@code i} (i >= 0). */
    public static Color colour(int i) {
        if (i < TAB10.length) {
            return new Color(TAB10[i]);
        }
        float hue = (i - TAB10.length) * GOLDEN_TURN % 1f;
        return Color.getHSBColor(hue, SATURATION, BRIGHTNESS);
    }

    /** The same colour with opacity {@code alpha} in [0, 255]. */
    public static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
