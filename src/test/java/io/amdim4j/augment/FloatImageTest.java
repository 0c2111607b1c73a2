package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.data.RawImage;
import org.junit.jupiter.api.Test;

class FloatImageTest {

    @Test
    void fromRawDividesBy255KeepingLayout() {
        RawImage raw = SyntheticImages.raw(3, 4, 5, 1);
        FloatImage x = FloatImage.fromRaw(raw);
        assertThat(x.channels()).isEqualTo(3);
        assertThat(x.height()).isEqualTo(4);
        assertThat(x.width()).isEqualTo(5);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int xx = 0; xx < 5; xx++) {
                    assertThat(x.get(c, y, xx)).isEqualTo(raw.get(c, y, xx) / 255f);
                }
            }
        }
    }

    @Test
    void extremesMapToZeroAndOne() {
        FloatImage x = FloatImage.fromRaw(new RawImage(1, 1, 2, new byte[] {0, (byte) 255}));
        assertThat(x.data()).containsExactly(0f, 1f);
    }

    @Test
    void toThreeChannelsCopiesThePlane() {
        FloatImage g = SyntheticImages.uniform(1, 3, 4, 0, 1, 2);
        FloatImage rgb = g.toThreeChannels();
        assertThat(rgb.channels()).isEqualTo(3);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    assertThat(rgb.get(c, y, x)).isEqualTo(g.get(0, y, x));
                }
            }
        }
        assertThat(rgb.toThreeChannels()).isSameAs(rgb);
    }

    @Test
    void copyIsIndependent() {
        FloatImage a = SyntheticImages.uniform(1, 2, 2, 0, 1, 3);
        FloatImage b = a.copy();
        b.data()[0] = 7;
        assertThat(a.data()[0]).isNotEqualTo(7f);
    }

    @Test
    void rejectsWrongLength() {
        assertThatThrownBy(() -> new FloatImage(3, 2, 2, new float[11]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12");
        assertThatThrownBy(() -> new FloatImage(2, 2, 2, new float[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels");
    }
}
