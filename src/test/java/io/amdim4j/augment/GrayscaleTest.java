package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GrayscaleTest {

    @Test
    void usesStandardLumaWeights() {
        assertThat(Grayscale.luma(1, 0, 0)).isCloseTo(0.299f, within(1e-7f));
        assertThat(Grayscale.luma(0, 1, 0)).isCloseTo(0.587f, within(1e-7f));
        assertThat(Grayscale.luma(0, 0, 1)).isCloseTo(0.114f, within(1e-7f));
        FloatImage x = new FloatImage(3, 1, 2, new float[] {0.2f, 1f, 0.5f, 0f, 0.9f, 0.3f});
        Grayscale.toGrayInPlace(x);
        double l0 = 0.299 * 0.2 + 0.587 * 0.5 + 0.114 * 0.9;
        double l1 = 0.299 * 1.0 + 0.587 * 0.0 + 0.114 * 0.3;
        for (int c = 0; c < 3; c++) {
            assertThat((double) x.get(c, 0, 0)).isCloseTo(l0, within(1e-6));
            assertThat((double) x.get(c, 0, 1)).isCloseTo(l1, within(1e-6));
        }
    }

    @Test
    void convertsAboutAQuarterOfTheTime() {
        Grayscale op = Grayscale.standard();
        assertThat(op.probability()).isEqualTo(0.25);
        FloatImage x = SyntheticImages.uniform(3, 3, 3, 0, 1, 1);
        SplittableRandom rng = new SplittableRandom(3);
        int gray = 0;
        for (int i = 0; i < 4000; i++) {
            FloatImage y = x.copy();
            op.applyInPlace(y, rng);
            if (!Arrays.equals(y.data(), x.data())) {
                gray++;
            }
        }
        assertThat(gray).isBetween(850, 1150);
    }

    @Test
    void oneChannelImagesAreLeftAloneWithoutDrawing() {
        FloatImage g = SyntheticImages.uniform(1, 3, 3, 0, 1, 2);
        float[] before = g.data().clone();
        SplittableRandom a = new SplittableRandom(4);
        new Grayscale(1).applyInPlace(g, a);
        assertThat(g.data()).containsExactly(before);
        assertThat(a.nextLong()).isEqualTo(new SplittableRandom(4).nextLong());
    }

    @Test
    void rejectsBadProbability() {
        assertThatThrownBy(() -> new Grayscale(-1)).hasMessageContaining("grayscale probability");
    }
}
