package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CenterCropTest {

    /** Value 1000·y + x, so a crop's offsets can be read off its first pixel. */
    private static FloatImage coordinates(int channels, int h, int w) {
        float[] d = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[(c * h + y) * w + x] = 1000 * y + x;
                }
            }
        }
        return new FloatImage(channels, h, w, d);
    }

    @Test
    void takesTheCentralWindow() {
        FloatImage y = new CenterCrop(64).apply(coordinates(3, 70, 70));
        assertThat(y.height()).isEqualTo(64);
        assertThat(y.width()).isEqualTo(64);
        assertThat(y.get(2, 0, 0)).isEqualTo(3003f);
        assertThat(y.get(1, 63, 63)).isEqualTo(1000 * 66 + 66f);
    }

    @Test
    void halfPixelOffsetsRoundHalfToEven() {
        // (71 − 64)/2 = 3.5 → 4 and (73 − 64)/2 = 4.5 → 4, as Python's round().
        assertThat(new CenterCrop(64).apply(coordinates(1, 71, 73)).get(0, 0, 0)).isEqualTo(4004f);
        // (69 − 64)/2 = 2.5 → 2.
        assertThat(new CenterCrop(64).apply(coordinates(1, 69, 64)).get(0, 0, 0)).isEqualTo(2000f);
    }

    @Test
    void rejectsTooSmallImages() {
        assertThatThrownBy(() -> new CenterCrop(64).apply(coordinates(1, 63, 80)))
                .hasMessageContaining("63x80");
    }
}
