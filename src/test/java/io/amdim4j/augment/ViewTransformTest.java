package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ViewTransformTest {

    @Test
    void leavesTheSourceUntouched() {
        FloatImage source = SyntheticImages.uniform(3, 32, 32, 0, 1, 1);
        float[] before = source.data().clone();
        ViewTransform view = new ViewTransform(AugmentConfig.cifar32());
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 50; i++) {
            FloatImage v = view.apply(source, rng);
            assertThat(v.data()).isNotSameAs(source.data());
        }
        assertThat(source.data()).containsExactly(before);
    }

    @Test
    void grayscaleHitsAboutAQuarterOfViews() {
        // With translation and jitter off, a view is gray exactly when the grayscale step fired.
        AugmentConfig c = AugmentConfig.cifar32();
        AugmentConfig grayOnly = new AugmentConfig("gray-only", 32, 3, false, new ReflectTranslate(0, 4), null,
                new ColorJitter(0, 0.4, 0.4, 0.4, 0.2), c.grayscale(), c.lighting(),
                new Normalize(java.util.List.of(0.0, 0.0, 0.0), java.util.List.of(1.0, 1.0, 1.0)), 0, 0, false);
        ViewTransform view = new ViewTransform(grayOnly);
        FloatImage source = SyntheticImages.uniform(3, 32, 32, 0, 1, 3);
        SplittableRandom rng = new SplittableRandom(4);
        int gray = 0;
        for (int i = 0; i < 4000; i++) {
            FloatImage v = view.apply(source, rng);
            if (v.get(0, 7, 9) == v.get(1, 7, 9) && v.get(1, 7, 9) == v.get(2, 7, 9)) {
                gray++;
            }
        }
        assertThat(gray).isBetween(850, 1150);
    }
}
