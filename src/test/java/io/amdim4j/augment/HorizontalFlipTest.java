package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HorizontalFlipTest {

    @Test
    void mirrorsEachRow() {
        FloatImage x = SyntheticImages.uniform(3, 4, 5, 0, 1, 1);
        FloatImage f = x.copy();
        HorizontalFlip.flipInPlace(f);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int i = 0; i < 5; i++) {
                    assertThat(f.get(c, y, i)).isEqualTo(x.get(c, y, 4 - i));
                }
            }
        }
    }

    @Test
    void flipsAboutHalfTheTime() {
        HorizontalFlip flip = HorizontalFlip.standard();
        assertThat(flip.probability()).isEqualTo(0.5);
        SplittableRandom rng = new SplittableRandom(7);
        FloatImage x = SyntheticImages.uniform(1, 2, 3, 0, 1, 2);
        int flipped = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            FloatImage y = x.copy();
            flip.applyInPlace(y, rng);
            if (y.get(0, 0, 0) != x.get(0, 0, 0)) {
                flipped++;
            }
        }
        assertThat(flipped).isBetween(1800, 2200);
    }

    @Test
    void rejectsProbabilityOutsideUnitInterval() {
        assertThatThrownBy(() -> new HorizontalFlip(1.5)).hasMessageContaining("flip probability");
        assertThatThrownBy(() -> new HorizontalFlip(Double.NaN)).hasMessageContaining("flip probability");
    }
}
