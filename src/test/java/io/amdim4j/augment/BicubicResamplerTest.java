package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BicubicResamplerTest {

    @Test
    void sameSizeIsIdentity() {
        FloatImage x = SyntheticImages.uniform(3, 17, 23, 0, 1, 1);
        FloatImage y = BicubicResampler.resize(x, 17, 23);
        assertThat(SyntheticImages.maxAbsDiff(y.data(), x.data())).isLessThan(1e-5);
        // A crop resized to its own size is the crop.
        FloatImage c = BicubicResampler.resizeCrop(x, 3, 5, 9, 11, 9, 11);
        for (int ch = 0; ch < 3; ch++) {
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 11; j++) {
                    assertThat(c.get(ch, i, j)).isCloseTo(x.get(ch, 3 + i, 5 + j), within(1e-5f));
                }
            }
        }
    }

    @Test
    void constantImageStaysConstant() {
        FloatImage x = new FloatImage(1, 20, 30, new float[600]);
        java.util.Arrays.fill(x.data(), 0.37f);
        for (int[] out : new int[][] {{64, 64}, {7, 5}, {20, 90}, {3, 30}}) {
            FloatImage y = BicubicResampler.resizeCrop(x, 2, 4, 15, 21, out[0], out[1]);
            for (float v : y.data()) {
                assertThat(v).isCloseTo(0.37f, within(1e-6f));
            }
        }
    }

    @Test
    void upsampledRampStaysLinearInTheInterior() {
        int in = 8;
        int out = 16;
        float[] d = new float[in];
        for (int i = 0; i < in; i++) {
            d[i] = 0.1f + 0.1f * i;
        }
        FloatImage y = BicubicResampler.resize(new FloatImage(1, 1, in, d), 1, out);
        double scale = (double) in / out;
        for (int o = 4; o < out - 4; o++) {
            // Output o samples the input at (o + 0.5)·scale − 0.5 in pixel-index coordinates.
            double pos = (o + 0.5) * scale - 0.5;
            assertThat((double) y.get(0, 0, o)).isCloseTo(0.1 + 0.1 * pos, within(1e-5));
        }
    }

    @Test
    void halvingWidensTheKernelAsPillowDoes() {
        // 4 → 2 pixels: scale 2, so the kernel is stretched to support 4 and evaluated at
        // (x − centre + 0.5)/2. Output 0 has centre 1: arguments −0.25, 0.25, 0.75, 1.25, giving
        // Keys(a = −0.5) weights 0.8671875, 0.8671875, 0.2265625, −0.0703125 (sum 1.890625).
        float[] v = {0.2f, 0.4f, 0.6f, 0.3f};
        FloatImage y = BicubicResampler.resize(new FloatImage(1, 1, 4, v), 1, 2);
        double w0 = 0.8671875;
        double w1 = 0.2265625;
        double w2 = -0.0703125;
        double sum = 1.890625;
        assertThat((double) y.get(0, 0, 0)).isCloseTo((w0 * 0.2 + w0 * 0.4 + w1 * 0.6 + w2 * 0.3) / sum, within(1e-6));
        assertThat((double) y.get(0, 0, 1)).isCloseTo((w2 * 0.2 + w1 * 0.4 + w0 * 0.6 + w0 * 0.3) / sum, within(1e-6));
    }

    /** 6×7 test pattern 0.3 + 0.05·((3y + 5x) mod 8). */
    private static FloatImage pattern() {
        float[] d = new float[42];
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 7; x++) {
                d[y * 7 + x] = 0.3f + 0.05f * ((3 * y + 5 * x) % 8);
            }
        }
        return new FloatImage(1, 6, 7, d);
    }

    @Test
    void matchesPillowFloatBicubic() {
        // Produced by Pillow 9.4: Image.fromarray(pattern, mode="F").resize((3, 4), Image.BICUBIC)
        float[][] down = {
            {0.4119571f, 0.5293258f, 0.4712979f},
            {0.4498351f, 0.4598780f, 0.5277176f},
            {0.4710326f, 0.4248337f, 0.5012072f},
            {0.5043911f, 0.4655727f, 0.4254137f},
        };
        // ... .crop((1, 2, 5, 5)).resize((6, 5), Image.BICUBIC): rows 2..4, columns 1..4 to 5×6.
        float[][] up = {
            {0.4485476f, 0.3516093f, 0.3158107f, 0.5438330f, 0.4899556f, 0.3768247f},
            {0.5248527f, 0.4283363f, 0.3492883f, 0.4399738f, 0.4663960f, 0.4643461f},
            {0.6098685f, 0.5382353f, 0.4203704f, 0.3018519f, 0.4235294f, 0.5664474f},
            {0.4371858f, 0.5059043f, 0.5401465f, 0.4072001f, 0.3806629f, 0.3949431f},
            {0.3126986f, 0.4718091f, 0.6115654f, 0.4930468f, 0.3571032f, 0.2692776f},
        };
        FloatImage d = BicubicResampler.resize(pattern(), 4, 3);
        FloatImage u = BicubicResampler.resizeCrop(pattern(), 2, 1, 3, 4, 5, 6);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 3; x++) {
                assertThat(d.get(0, y, x)).isCloseTo(down[y][x], within(1e-6f));
            }
        }
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 6; x++) {
                assertThat(u.get(0, y, x)).isCloseTo(up[y][x], within(1e-6f));
            }
        }
    }

    @Test
    void overshootIsClippedToTheUnitRange() {
        // A hard step rings under a cubic kernel with negative lobes; Pillow's 8-bit images clip it.
        float[] step = {0, 0, 0, 0, 1, 1, 1, 1};
        FloatImage y = BicubicResampler.resize(new FloatImage(1, 1, 8, step), 1, 29);
        for (float v : y.data()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void rejectsCropOutsideTheImage() {
        FloatImage x = FloatImage.zeros(1, 10, 10);
        assertThatThrownBy(() -> BicubicResampler.resizeCrop(x, 5, 0, 6, 10, 4, 4)).hasMessageContaining("10x10");
    }
}
