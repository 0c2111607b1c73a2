package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomResizedCropTest {

    @Test
    void boxesRespectScaleAndRatioBounds() {
        RandomResizedCrop crop = RandomResizedCrop.standard(64);
        SplittableRandom rng = new SplittableRandom(1);
        for (int[] size : new int[][] {{96, 96}, {200, 300}, {375, 500}}) {
            int h = size[0];
            int w = size[1];
            double area = (double) h * w;
            double minFrac = 1;
            double maxFrac = 0;
            for (int i = 0; i < 3000; i++) {
                RandomResizedCrop.CropBox b = crop.sample(h, w, rng);
                assertThat(b.top()).isGreaterThanOrEqualTo(0);
                assertThat(b.left()).isGreaterThanOrEqualTo(0);
                assertThat(b.top() + b.height()).isLessThanOrEqualTo(h);
                assertThat(b.left() + b.width()).isLessThanOrEqualTo(w);
                // Width and height are rounded, so allow half a pixel either way.
                assertThat((b.width() + 0.5) * (b.height() + 0.5) / area).isGreaterThanOrEqualTo(0.3);
                assertThat((b.width() - 0.5) * (b.height() - 0.5) / area).isLessThanOrEqualTo(1.0);
                assertThat((b.width() + 0.5) / (b.height() - 0.5)).isGreaterThanOrEqualTo(0.7);
                assertThat((b.width() - 0.5) / (b.height() + 0.5)).isLessThanOrEqualTo(1.4);
                double frac = b.width() * b.height() / area;
                minFrac = Math.min(minFrac, frac);
                maxFrac = Math.max(maxFrac, frac);
            }
            assertThat(minFrac).isLessThan(0.33);
            assertThat(maxFrac).isGreaterThan(0.9);
        }
    }

    @Test
    void placementIsUniformOverFreePositions() {
        RandomResizedCrop crop = new RandomResizedCrop(8, 0.25, 0.25, 1, 1);
        SplittableRandom rng = new SplittableRandom(2);
        int[] tops = new int[3];
        for (int i = 0; i < 3000; i++) {
            // 4×4 image, area fraction 1/4, ratio 1: a 2×2 crop with top and left in 0..2.
            RandomResizedCrop.CropBox b = crop.sample(4, 4, rng);
            assertThat(b.height()).isEqualTo(2);
            assertThat(b.width()).isEqualTo(2);
            tops[b.top()]++;
        }
        for (int t : tops) {
            assertThat(t).isBetween(850, 1150);
        }
    }

    @Test
    void fallsBackToCentreCropWithClampedRatio() {
        RandomResizedCrop crop = RandomResizedCrop.standard(64);
        SplittableRandom rng = new SplittableRandom(3);
        // Too wide for any attempt to fit: ratio clamped to 1.4, so 10 high and round(14.0) wide, centred.
        assertThat(crop.sample(10, 200, rng)).isEqualTo(new RandomResizedCrop.CropBox(0, 93, 10, 14));
        // Too tall: ratio clamped to 0.7, height round(10/0.7) = round(14.29) = 14.
        assertThat(crop.sample(200, 10, rng)).isEqualTo(new RandomResizedCrop.CropBox(93, 0, 14, 10));
        // Ratio already in range: the whole image.
        assertThat(crop.centreFallback(50, 60)).isEqualTo(new RandomResizedCrop.CropBox(0, 0, 50, 60));
    }

    @Test
    void fullCropAtTheSameSizeIsIdentity() {
        FloatImage x = SyntheticImages.uniform(3, 32, 32, 0, 1, 4);
        FloatImage y = new RandomResizedCrop(32, 1, 1, 1, 1).apply(x, new SplittableRandom(5));
        assertThat(SyntheticImages.maxAbsDiff(y.data(), x.data())).isLessThan(1e-5);
    }

    @Test
    void outputHasTheRequestedSize() {
        FloatImage y = RandomResizedCrop.standard(64).apply(SyntheticImages.uniform(3, 96, 96, 0, 1, 6),
                new SplittableRandom(7));
        assertThat(y.channels()).isEqualTo(3);
        assertThat(y.height()).isEqualTo(64);
        assertThat(y.width()).isEqualTo(64);
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> new RandomResizedCrop(64, 0, 1, 0.7, 1.4)).hasMessageContaining("scale");
        assertThatThrownBy(() -> new RandomResizedCrop(64, 0.5, 0.3, 0.7, 1.4)).hasMessageContaining("scale");
        assertThatThrownBy(() -> new RandomResizedCrop(64, 0.3, 1, 1.4, 0.7)).hasMessageContaining("ratio");
        assertThatThrownBy(() -> new RandomResizedCrop(0, 0.3, 1, 0.7, 1.4)).hasMessageContaining("size");
    }
}
