package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReflectTranslateTest {

    @Test
    void reflectionMirrorsWithoutRepeatingTheEdge() {
        assertThat(ReflectTranslate.reflect(-1, 32)).isEqualTo(1);
        assertThat(ReflectTranslate.reflect(-4, 32)).isEqualTo(4);
        assertThat(ReflectTranslate.reflect(32, 32)).isEqualTo(30);
        assertThat(ReflectTranslate.reflect(35, 32)).isEqualTo(27);
        assertThat(ReflectTranslate.reflect(0, 32)).isZero();
        assertThat(ReflectTranslate.reflect(31, 32)).isEqualTo(31);
        // Small images reflect repeatedly: 0 1 2 1 0 1 2 ...
        assertThat(ReflectTranslate.reflect(4, 3)).isZero();
        assertThat(ReflectTranslate.reflect(-3, 3)).isEqualTo(1);
        assertThat(ReflectTranslate.reflect(5, 1)).isZero();
    }

    /** Reflect-pad by building the mirrored border explicitly, the way numpy.pad(mode="reflect") describes it. */
    private static float[][] reflectPad(float[][] plane, int pad) {
        int h = plane.length;
        int w = plane[0].length;
        float[][] rowsPadded = new float[h][w + 2 * pad];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rowsPadded[y][x + pad] = plane[y][x];
            }
            for (int k = 1; k <= pad; k++) {
                rowsPadded[y][pad - k] = plane[y][k]; // left border mirrors columns 1..pad
                rowsPadded[y][pad + w - 1 + k] = plane[y][w - 1 - k]; // right mirrors w-2 .. w-1-pad
            }
        }
        float[][] out = new float[h + 2 * pad][];
        for (int y = 0; y < h; y++) {
            out[y + pad] = rowsPadded[y];
        }
        for (int k = 1; k <= pad; k++) {
            out[pad - k] = rowsPadded[k].clone();
            out[pad + h - 1 + k] = rowsPadded[h - 1 - k].clone();
        }
        return out;
    }

    @Test
    void everyShiftEqualsReflectPadThenCrop() {
        FloatImage x = SyntheticImages.uniform(3, 32, 32, 0, 1, 11);
        int pad = 4;
        for (int tx = -pad; tx <= pad; tx++) {
            for (int ty = -pad; ty <= pad; ty++) {
                FloatImage t = ReflectTranslate.translate(x, tx, ty);
                for (int c = 0; c < 3; c++) {
                    float[][] plane = new float[32][32];
                    for (int y = 0; y < 32; y++) {
                        for (int i = 0; i < 32; i++) {
                            plane[y][i] = x.get(c, y, i);
                        }
                    }
                    float[][] padded = reflectPad(plane, pad);
                    for (int y = 0; y < 32; y++) {
                        for (int i = 0; i < 32; i++) {
                            assertThat(t.get(c, y, i))
                                    .as("tx %d ty %d c %d y %d x %d", tx, ty, c, y, i)
                                    .isEqualTo(padded[y + pad - ty][i + pad - tx]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void positiveShiftMovesContentRightAndDown() {
        FloatImage x = SyntheticImages.uniform(1, 8, 8, 0, 1, 3);
        FloatImage t = ReflectTranslate.translate(x, 2, 1);
        assertThat(t.get(0, 5, 6)).isEqualTo(x.get(0, 4, 4));
    }

    @Test
    void translatesWithProbabilityAndDrawsEveryShift() {
        ReflectTranslate op = ReflectTranslate.standard();
        FloatImage x = SyntheticImages.uniform(1, 32, 32, 0, 1, 5);
        SplittableRandom rng = new SplittableRandom(9);
        int changed = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            FloatImage y = op.apply(x, rng);
            assertThat(y.data()).isNotSameAs(x.data());
            if (!Arrays.equals(y.data(), x.data())) {
                changed++;
            }
        }
        // Applied with p 0.8, and then the identity shift (0, 0) has chance 1/81.
        double expected = 0.8 * 80 / 81 * n;
        assertThat((double) changed).isBetween(expected - 150, expected + 150);

        int[] seenTx = new int[9];
        SplittableRandom rng2 = new SplittableRandom(10);
        ReflectTranslate always = new ReflectTranslate(1, 4);
        FloatImage ramp = new FloatImage(1, 1, 32, new float[32]);
        for (int i = 0; i < 32; i++) {
            ramp.data()[i] = i;
        }
        for (int i = 0; i < 900; i++) {
            FloatImage y = always.apply(ramp, rng2);
            // Column 10 reads column 10 - tx.
            int tx = 10 - (int) y.get(0, 0, 10);
            assertThat(tx).isBetween(-4, 4);
            seenTx[tx + 4]++;
        }
        for (int count : seenTx) {
            assertThat(count).isBetween(60, 140);
        }
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> new ReflectTranslate(-0.1, 4)).hasMessageContaining("translate probability");
        assertThatThrownBy(() -> new ReflectTranslate(0.5, -1)).hasMessageContaining("maxShift");
    }
}
