package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZeroPadTest {

    @Test
    void pads28To32WithZeroBorder() {
        FloatImage x = SyntheticImages.uniform(1, 28, 28, 0.1, 1, 1);
        FloatImage y = new ZeroPad(ZeroPad.PAD_28_TO_32).apply(x);
        assertThat(y.height()).isEqualTo(32);
        assertThat(y.width()).isEqualTo(32);
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                boolean inside = r >= 2 && r < 30 && c >= 2 && c < 30;
                float expected = inside ? x.get(0, r - 2, c - 2) : 0f;
                assertThat(y.get(0, r, c)).isEqualTo(expected);
            }
        }
    }
}
