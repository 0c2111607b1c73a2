package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColorJitterTest {

    private static final double TOL = 1e-6;

    private static double gray(double r, double g, double b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Test
    void unitFactorsAreIdentities() {
        FloatImage x = SyntheticImages.uniform(3, 6, 7, 0, 1, 1);
        FloatImage y = x.copy();
        ColorJitter.adjustBrightness(y, 1f);
        assertThat(SyntheticImages.maxAbsDiff(y.data(), x.data())).isLessThan(TOL);
        ColorJitter.adjustContrast(y, 1f);
        assertThat(SyntheticImages.maxAbsDiff(y.data(), x.data())).isLessThan(TOL);
        ColorJitter.adjustSaturation(y, 1f);
        assertThat(SyntheticImages.maxAbsDiff(y.data(), x.data())).isLessThan(TOL);
        ColorJitter.adjustHue(y, 0f);
        assertThat(SyntheticImages.maxAbsDiff(y.data(), x.data())).isLessThan(TOL);
    }

    @Test
    void brightnessScalesAndClips() {
        FloatImage x = new FloatImage(1, 1, 3, new float[] {0.2f, 0.5f, 0.9f});
        ColorJitter.adjustBrightness(x, 1.4f);
        assertThat(x.data()[0]).isCloseTo(0.28f, within(1e-6f));
        assertThat(x.data()[1]).isCloseTo(0.7f, within(1e-6f));
        assertThat(x.data()[2]).isEqualTo(1f);
    }

    @Test
    void contrastBlendsWithMeanGrayAndClips() {
        FloatImage x = SyntheticImages.uniform(3, 5, 4, 0, 1, 2);
        int plane = 20;
        double mean = 0;
        for (int p = 0; p < plane; p++) {
            mean += gray(x.data()[p], x.data()[plane + p], x.data()[2 * plane + p]);
        }
        mean /= plane;
        for (float c : new float[] {0.6f, 1.4f, 0f}) {
            FloatImage y = x.copy();
            ColorJitter.adjustContrast(y, c);
            for (int i = 0; i < y.data().length; i++) {
                assertThat((double) y.data()[i]).isCloseTo(clip(c * x.data()[i] + (1 - c) * mean), within(TOL));
            }
        }
        // One channel: gray(x) is x itself.
        FloatImage g = new FloatImage(1, 1, 4, new float[] {0f, 0.2f, 0.4f, 1f});
        ColorJitter.adjustContrast(g, 2f);
        double m = (0 + 0.2 + 0.4 + 1) / 4;
        assertThat(g.data()[0]).isZero(); // 2·0 − 0.4 clips to 0
        assertThat((double) g.data()[2]).isCloseTo(2 * 0.4 - m, within(TOL));
        assertThat(g.data()[3]).isEqualTo(1f);
    }

    @Test
    void saturationZeroGivesGrayAndOtherValuesBlend() {
        FloatImage x = SyntheticImages.uniform(3, 4, 4, 0, 1, 3);
        FloatImage zero = x.copy();
        ColorJitter.adjustSaturation(zero, 0f);
        FloatImage high = x.copy();
        ColorJitter.adjustSaturation(high, 1.4f);
        int plane = 16;
        for (int p = 0; p < plane; p++) {
            double r = x.data()[p];
            double g = x.data()[plane + p];
            double b = x.data()[2 * plane + p];
            double l = gray(r, g, b);
            for (int c = 0; c < 3; c++) {
                assertThat((double) zero.data()[c * plane + p]).isCloseTo(l, within(TOL));
            }
            assertThat((double) high.data()[p]).isCloseTo(clip(1.4 * r - 0.4 * l), within(TOL));
            assertThat((double) high.data()[2 * plane + p]).isCloseTo(clip(1.4 * b - 0.4 * l), within(TOL));
        }
    }

    @Test
    void hueShiftOfAThirdTurnsRedIntoGreen() {
        FloatImage red = new FloatImage(3, 1, 1, new float[] {1, 0, 0});
        ColorJitter.adjustHue(red, 1f / 3);
        assertThat(red.data()[0]).isCloseTo(0f, within(1e-6f));
        assertThat(red.data()[1]).isCloseTo(1f, within(1e-6f));
        assertThat(red.data()[2]).isCloseTo(0f, within(1e-6f));
        FloatImage green = new FloatImage(3, 1, 1, new float[] {0, 1, 0});
        ColorJitter.adjustHue(green, -1f / 3);
        assertThat(green.data()[0]).isCloseTo(1f, within(1e-6f));
    }

    /** Textbook RGB→HSV→RGB (as Python's colorsys), in double. */
    private static double[] hueShiftReference(double r, double g, double b, double shift) {
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double v = max;
        if (max == min) {
            return new double[] {r, g, b};
        }
        double s = (max - min) / max;
        double rc = (max - r) / (max - min);
        double gc = (max - g) / (max - min);
        double bc = (max - b) / (max - min);
        double h;
        if (r == max) {
            h = bc - gc;
        } else if (g == max) {
            h = 2.0 + rc - bc;
        } else {
            h = 4.0 + gc - rc;
        }
        h = (h / 6.0) % 1.0;
        h = ((h + shift) % 1.0 + 1.0) % 1.0;
        int i = (int) (h * 6.0);
        double f = h * 6.0 - i;
        double p = v * (1.0 - s);
        double q = v * (1.0 - s * f);
        double t = v * (1.0 - s * (1.0 - f));
        return switch (i % 6) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
    }

    @Test
    void hueMatchesTextbookHsvRoundTrip() {
        FloatImage x = SyntheticImages.uniform(3, 8, 8, 0, 1, 4);
        int plane = 64;
        for (float shift : new float[] {0.2f, -0.2f, 0.05f, -0.1f, 0.5f}) {
            FloatImage y = x.copy();
            ColorJitter.adjustHue(y, shift);
            for (int p = 0; p < plane; p++) {
                double[] e = hueShiftReference(x.data()[p], x.data()[plane + p], x.data()[2 * plane + p], shift);
                for (int c = 0; c < 3; c++) {
                    assertThat((double) y.data()[c * plane + p]).as("shift %s pixel %d", shift, p)
                            .isCloseTo(e[c], within(2e-6));
                }
            }
        }
    }

    @Test
    void hueLeavesGrayPixelsAlone() {
        FloatImage g = new FloatImage(3, 1, 1, new float[] {0.4f, 0.4f, 0.4f});
        ColorJitter.adjustHue(g, 0.17f);
        assertThat(g.data()).containsExactly(0.4f, 0.4f, 0.4f);
    }

    @Test
    void drawsFactorsInRangeAndEveryOrder() {
        ColorJitter jitter = ColorJitter.standard(0.2);
        SplittableRandom rng = new SplittableRandom(5);
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ColorJitter.Draw d = jitter.draw(3, rng);
            assertThat(d.brightness()).isBetween(0.6f, 1.4f);
            assertThat(d.contrast()).isBetween(0.6f, 1.4f);
            assertThat(d.saturation()).isBetween(0.6f, 1.4f);
            assertThat(d.hue()).isBetween(-0.2f, 0.2f);
            int[] sorted = d.order().clone();
            Arrays.sort(sorted);
            assertThat(sorted).containsExactly(0, 1, 2, 3);
            orders.add(Arrays.toString(d.order()));
        }
        assertThat(orders).hasSize(24);
    }

    @Test
    void oneChannelDrawsOnlyBrightnessAndContrast() {
        ColorJitter jitter = ColorJitter.standard(0.2);
        SplittableRandom rng = new SplittableRandom(6);
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ColorJitter.Draw d = jitter.draw(1, rng);
            assertThat(d.saturation()).isEqualTo(1f);
            assertThat(d.hue()).isZero();
            orders.add(Arrays.toString(d.order()));
        }
        assertThat(orders).containsExactlyInAnyOrder("[0, 1]", "[1, 0]");
    }

    @Test
    void zeroStrengthDropsTheOperation() {
        ColorJitter.Draw d = new ColorJitter(1, 0.4, 0, 0.4, 0).draw(3, new SplittableRandom(1));
        assertThat(d.order()).containsExactlyInAnyOrder(ColorJitter.BRIGHTNESS, ColorJitter.SATURATION);
        assertThat(d.contrast()).isEqualTo(1f);
    }

    @Test
    void appliesTheDrawnOperationsInTheDrawnOrder() {
        FloatImage x = SyntheticImages.uniform(3, 5, 5, 0, 1, 8);
        int[] order = {ColorJitter.HUE, ColorJitter.CONTRAST, ColorJitter.BRIGHTNESS, ColorJitter.SATURATION};
        ColorJitter.Draw d = new ColorJitter.Draw(1.3f, 0.7f, 1.2f, 0.15f, order);
        FloatImage viaDraw = x.copy();
        ColorJitter.apply(viaDraw, d);
        FloatImage byHand = x.copy();
        ColorJitter.adjustHue(byHand, 0.15f);
        ColorJitter.adjustContrast(byHand, 0.7f);
        ColorJitter.adjustBrightness(byHand, 1.3f);
        ColorJitter.adjustSaturation(byHand, 1.2f);
        assertThat(viaDraw.data()).containsExactly(byHand.data());
        // The order matters: brightness before contrast differs from the reverse once clipping bites.
        FloatImage bc = x.copy();
        ColorJitter.apply(bc, new ColorJitter.Draw(1.4f, 1.4f, 1, 0, new int[] {0, 1}));
        FloatImage cb = x.copy();
        ColorJitter.apply(cb, new ColorJitter.Draw(1.4f, 1.4f, 1, 0, new int[] {1, 0}));
        assertThat(SyntheticImages.maxAbsDiff(bc.data(), cb.data())).isGreaterThan(1e-3);
    }

    @Test
    void everyOutputStaysInUnitRange() {
        ColorJitter jitter = new ColorJitter(1, 0.9, 0.9, 0.9, 0.5);
        SplittableRandom rng = new SplittableRandom(12);
        for (int i = 0; i < 50; i++) {
            FloatImage y = SyntheticImages.uniform(3, 6, 6, 0, 1, i);
            jitter.applyInPlace(y, rng);
            for (float v : y.data()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void jittersWithProbability() {
        ColorJitter jitter = ColorJitter.standard(0.2);
        FloatImage x = SyntheticImages.uniform(3, 4, 4, 0.1, 0.9, 9);
        SplittableRandom rng = new SplittableRandom(13);
        int changed = 0;
        for (int i = 0; i < 4000; i++) {
            FloatImage y = x.copy();
            jitter.applyInPlace(y, rng);
            if (!Arrays.equals(y.data(), x.data())) {
                changed++;
            }
        }
        assertThat(changed).isBetween(3050, 3350);
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> new ColorJitter(2, 0.4, 0.4, 0.4, 0.1)).hasMessageContaining("jitter probability");
        assertThatThrownBy(() -> new ColorJitter(0.8, -0.4, 0.4, 0.4, 0.1)).hasMessageContaining("brightness");
        assertThatThrownBy(() -> new ColorJitter(0.8, 0.4, 0.4, 0.4, 0.6)).hasMessageContaining("hue");
    }
}
