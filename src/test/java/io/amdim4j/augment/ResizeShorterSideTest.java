package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResizeShorterSideTest {

    private static FloatImage constant(int h, int w) {
        FloatImage x = new FloatImage(3, h, w, new float[3 * h * w]);
        Arrays.fill(x.data(), 0.6f);
        return x;
    }

    @Test
    void shorterSideBecomesSizeAndLongerSideIsTruncated() {
        ResizeShorterSide r = new ResizeShorterSide(70);
        FloatImage a = r.apply(constant(96, 96));
        assertThat(new int[] {a.height(), a.width()}).containsExactly(70, 70);
        FloatImage b = r.apply(constant(100, 150));
        assertThat(new int[] {b.height(), b.width()}).containsExactly(70, 105);
        FloatImage c = r.apply(constant(131, 97));
        // 70·131/97 = 94.54 → 94.
        assertThat(new int[] {c.height(), c.width()}).containsExactly(94, 70);
        for (float v : c.data()) {
            assertThat(v).isCloseTo(0.6f, within(1e-6f));
        }
    }

    @Test
    void fittingImageIsCopiedUnchanged() {
        FloatImage x = SyntheticImages.uniform(1, 70, 90, 0, 1, 1);
        FloatImage y = new ResizeShorterSide(70).apply(x);
        assertThat(y.data()).isNotSameAs(x.data()).containsExactly(x.data());
    }
}
