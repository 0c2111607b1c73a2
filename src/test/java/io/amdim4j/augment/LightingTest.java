package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LightingTest {

    @Test
    void addsThePcaOffsetPerChannel() {
        FloatImage x = SyntheticImages.uniform(3, 2, 3, 0, 1, 1);
        FloatImage y = x.copy();
        double[] alpha = {0.1, -0.2, 0.05};
        Lighting.addInPlace(y, alpha);
        // AlexNet's ImageNet eigen-decomposition, written out: offset_c = Σ_j v[c][j]·α_j·λ_j.
        double[] lambda = {0.2175, 0.0188, 0.0045};
        double[][] v = {{-0.5675, 0.7192, 0.4009}, {-0.5808, -0.0045, -0.8140}, {-0.5836, -0.6948, 0.4203}};
        for (int c = 0; c < 3; c++) {
            double offset = v[c][0] * alpha[0] * lambda[0] + v[c][1] * alpha[1] * lambda[1]
                    + v[c][2] * alpha[2] * lambda[2];
            for (int i = 0; i < 6; i++) {
                assertThat((double) y.data()[c * 6 + i]).isCloseTo(x.data()[c * 6 + i] + offset, within(1e-6));
            }
        }
    }

    @Test
    void offsetIsConstantPerChannelAndScalesWithAlphaStd() {
        SplittableRandom rng = new SplittableRandom(2);
        double sumSq = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            FloatImage y = FloatImage.zeros(3, 2, 2);
            new Lighting(0.1).applyInPlace(y, rng);
            assertThat(y.data()[0]).isEqualTo(y.data()[3]);
            sumSq += y.data()[0] * y.data()[0];
        }
        // Red offset variance = 0.01·Σ_j (v[0][j]·λ_j)².
        double expected = 0.01 * (Math.pow(-0.5675 * 0.2175, 2) + Math.pow(0.7192 * 0.0188, 2)
                + Math.pow(0.4009 * 0.0045, 2));
        assertThat(sumSq / n).isCloseTo(expected, within(expected * 0.15));
    }

    @Test
    void zeroStdIsIdentityAndDrawsNothing() {
        FloatImage x = SyntheticImages.uniform(3, 2, 2, 0, 1, 3);
        float[] before = x.data().clone();
        SplittableRandom rng = new SplittableRandom(5);
        Lighting.none().applyInPlace(x, rng);
        assertThat(x.data()).containsExactly(before);
        assertThat(rng.nextLong()).isEqualTo(new SplittableRandom(5).nextLong());
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new Lighting(-0.1)).hasMessageContaining("alphaStd");
        assertThatThrownBy(() -> new Lighting(0.1).applyInPlace(FloatImage.zeros(1, 2, 2), new SplittableRandom(1)))
                .hasMessageContaining("3 channels");
    }
}
