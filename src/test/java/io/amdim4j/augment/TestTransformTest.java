package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.data.RawImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestTransformTest {

    @Test
    void cifarOnlyNormalizes() {
        RawImage raw = SyntheticImages.raw(3, 32, 32, 1);
        FloatImage x = new TestTransform(AugmentConfig.cifar32()).apply(raw);
        double[] mean = {125.3 / 255, 123.0 / 255, 113.9 / 255};
        double[] std = {63.0 / 255, 62.1 / 255, 66.7 / 255};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y += 5) {
                for (int i = 0; i < 32; i += 3) {
                    assertThat((double) x.get(c, y, i)).isCloseTo((raw.get(c, y, i) / 255.0 - mean[c]) / std[c],
                            within(1e-5));
                }
            }
        }
    }

    @Test
    void gray28PadsThenNormalizes() {
        RawImage raw = SyntheticImages.raw(1, 28, 28, 2);
        FloatImage x = new TestTransform(AugmentConfig.gray28()).apply(raw);
        assertThat(new int[] {x.channels(), x.height(), x.width()}).containsExactly(1, 32, 32);
        assertThat((double) x.get(0, 31, 0)).isCloseTo(-0.2860 / 0.3530, within(1e-5));
        assertThat((double) x.get(0, 2, 2)).isCloseTo((raw.get(0, 0, 0) / 255.0 - 0.2860) / 0.3530, within(1e-5));
    }

    @Test
    void stlResizesTo70AndCropsTheCentral64() {
        // A constant image checks the geometry without depending on the resampler's details.
        byte[] p = new byte[3 * 96 * 128];
        Arrays.fill(p, (byte) 200);
        FloatImage x = new TestTransform(AugmentConfig.stl64()).apply(new RawImage(3, 96, 128, p));
        assertThat(new int[] {x.channels(), x.height(), x.width()}).containsExactly(3, 64, 64);
        assertThat((double) x.get(1, 10, 60)).isCloseTo((200 / 255.0 - 0.42) / 0.26, within(1e-5));

        // A vertical ramp: the 96 rows become 70, the window starts at row 3 of those, so the top
        // row of the result lies 3.5 resized rows (3.5·96/70 source rows) into the image. The stretched
        // kernel only nearly keeps a ramp linear when shrinking, hence the looser tolerance (0.07 grey levels).
        byte[] ramp = new byte[3 * 96 * 96];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 96; y++) {
                Arrays.fill(ramp, (c * 96 + y) * 96, (c * 96 + y + 1) * 96, (byte) (40 + y));
            }
        }
        FloatImage r = new TestTransform(AugmentConfig.stl64()).apply(new RawImage(3, 96, 96, ramp));
        double sourceRow = (3 + 0.5) * 96 / 70.0 - 0.5;
        double expected = ((40 + sourceRow) / 255.0 - 0.43) / 0.27;
        assertThat((double) r.get(0, 0, 20)).isCloseTo(expected, within(1e-3));
    }

    @Test
    void imagenetTestIs128() {
        FloatImage x = new TestTransform(AugmentConfig.imagenet128()).apply(SyntheticImages.raw(3, 180, 240, 3));
        assertThat(new int[] {x.channels(), x.height(), x.width()}).containsExactly(3, 128, 128);
    }
}
