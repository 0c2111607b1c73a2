package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.data.RawImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwoViewAugmenterTest {

    /** cifar32 with everything but the shared flip switched off. */
    private static AugmentConfig flipOnly() {
        AugmentConfig c = AugmentConfig.cifar32();
        return new AugmentConfig("flip-only", 32, 3, true, new ReflectTranslate(0, 4), null,
                new ColorJitter(0, 0.4, 0.4, 0.4, 0.2), new Grayscale(0), Lighting.none(), c.normalize(), 0, 0,
                false);
    }

    /** (v/255 − mean)/std computed here, in double, for the unflipped or flipped source. */
    private static float[] normalizedSource(RawImage raw, boolean flipped) {
        double[] mean = {125.3 / 255, 123.0 / 255, 113.9 / 255};
        double[] std = {63.0 / 255, 62.1 / 255, 66.7 / 255};
        int h = raw.height();
        int w = raw.width();
        float[] out = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sx = flipped ? w - 1 - x : x;
                    out[(c * h + y) * w + x] = (float) ((raw.get(c, y, sx) / 255.0 - mean[c]) / std[c]);
                }
            }
        }
        return out;
    }

    @Test
    void bothViewsShareTheFlip() {
        TwoViewAugmenter aug = new TwoViewAugmenter(flipOnly());
        RawImage raw = SyntheticImages.raw(3, 32, 32, 1);
        float[] plain = normalizedSource(raw, false);
        float[] mirrored = normalizedSource(raw, true);
        int flips = 0;
        for (long seed = 0; seed < 200; seed++) {
            TwoViews v = aug.apply(raw, new SplittableRandom(seed));
            boolean firstFlipped = SyntheticImages.maxAbsDiff(v.x1().data(), mirrored) < 1e-5;
            boolean firstPlain = SyntheticImages.maxAbsDiff(v.x1().data(), plain) < 1e-5;
            assertThat(firstFlipped ^ firstPlain).as("view 1 is the source or its mirror").isTrue();
            assertThat(SyntheticImages.maxAbsDiff(v.x2().data(), firstFlipped ? mirrored : plain))
                    .as("view 2 has the same flip as view 1, seed %d", seed).isLessThan(1e-5);
            if (firstFlipped) {
                flips++;
            }
        }
        assertThat(flips).isBetween(70, 130);
    }

    @Test
    void flipCanBeSwitchedOff() {
        TwoViewAugmenter aug = new TwoViewAugmenter(flipOnly().withFlip(false));
        RawImage raw = SyntheticImages.raw(3, 32, 32, 2);
        float[] plain = normalizedSource(raw, false);
        for (long seed = 0; seed < 20; seed++) {
            TwoViews v = aug.apply(raw, new SplittableRandom(seed));
            assertThat(SyntheticImages.maxAbsDiff(v.x1().data(), plain)).isLessThan(1e-5);
        }
    }

    @Test
    void sameSeedSameViewsDifferentSeedsDiffer() {
        for (AugmentConfig config : new AugmentConfig[] {AugmentConfig.cifar32(), AugmentConfig.stl64()}) {
            TwoViewAugmenter aug = new TwoViewAugmenter(config);
            RawImage raw = SyntheticImages.raw(3, config.size() == 32 ? 32 : 96, config.size() == 32 ? 32 : 96, 3);
            TwoViews a = aug.apply(raw, new SplittableRandom(42));
            TwoViews b = aug.apply(raw, new SplittableRandom(42));
            TwoViews c = aug.apply(raw, new SplittableRandom(43));
            assertThat(a.x1().data()).containsExactly(b.x1().data());
            assertThat(a.x2().data()).containsExactly(b.x2().data());
            assertThat(Arrays.equals(a.x1().data(), c.x1().data()) && Arrays.equals(a.x2().data(), c.x2().data()))
                    .isFalse();
            // The two views of one call are drawn independently.
            assertThat(Arrays.equals(a.x1().data(), a.x2().data())).isFalse();
        }
    }

    @Test
    void outputShapesPerFamily() {
        SplittableRandom rng = new SplittableRandom(4);
        TwoViews c = new TwoViewAugmenter(AugmentConfig.cifar32()).apply(SyntheticImages.raw(3, 32, 32, 5), rng);
        assertThat(new int[] {c.x1().channels(), c.x1().height(), c.x1().width()}).containsExactly(3, 32, 32);
        TwoViews s = new TwoViewAugmenter(AugmentConfig.stl64()).apply(SyntheticImages.raw(3, 96, 96, 6), rng);
        assertThat(new int[] {s.x2().channels(), s.x2().height(), s.x2().width()}).containsExactly(3, 64, 64);
        TwoViews i = new TwoViewAugmenter(AugmentConfig.imagenet128()).apply(SyntheticImages.raw(3, 150, 200, 7), rng);
        assertThat(new int[] {i.x1().channels(), i.x1().height(), i.x1().width()}).containsExactly(3, 128, 128);
        // Grayscale input to an RGB family is copied to three channels first.
        TwoViews g = new TwoViewAugmenter(AugmentConfig.stl64()).apply(SyntheticImages.raw(1, 80, 90, 8), rng);
        assertThat(g.x1().channels()).isEqualTo(3);
    }

    @Test
    void gray28GivesOneByThirtyTwoByThirtyTwo() {
        RawImage raw = SyntheticImages.raw(1, 28, 28, 9);
        TwoViews v = new TwoViewAugmenter(AugmentConfig.gray28()).apply(raw, new SplittableRandom(10));
        assertThat(new int[] {v.x1().channels(), v.x1().height(), v.x1().width()}).containsExactly(1, 32, 32);
        assertThat(new int[] {v.x2().channels(), v.x2().height(), v.x2().width()}).containsExactly(1, 32, 32);

        TwoViews rgb = new TwoViewAugmenter(AugmentConfig.gray28().withChannels(3)).apply(raw,
                new SplittableRandom(10));
        assertThat(rgb.x1().channels()).isEqualTo(3);
        int plane = 32 * 32;
        for (int p = 0; p < plane; p++) {
            // Same seed, same draws: the replicated option repeats the 1-channel view in every channel.
            assertThat(rgb.x1().data()[p]).isEqualTo(v.x1().data()[p]);
            assertThat(rgb.x1().data()[2 * plane + p]).isEqualTo(v.x1().data()[p]);
        }
    }

    @Test
    void gray28WithoutAugmentationIsThePaddedNormalizedImage() {
        AugmentConfig g = AugmentConfig.gray28();
        AugmentConfig none = new AugmentConfig("plain", 32, 1, false, new ReflectTranslate(0, 4), null,
                new ColorJitter(0, 0.4, 0.4, 0, 0), new Grayscale(0), Lighting.none(), g.normalize(), 0, 2, false);
        RawImage raw = SyntheticImages.raw(1, 28, 28, 11);
        TwoViews v = new TwoViewAugmenter(none).apply(raw, new SplittableRandom(1));
        assertThat((double) v.x1().get(0, 0, 0)).isCloseTo((0 - 0.2860) / 0.3530, within(1e-5));
        assertThat((double) v.x1().get(0, 5, 7)).isCloseTo((raw.get(0, 3, 5) / 255.0 - 0.2860) / 0.3530, within(1e-5));
    }

    @Test
    void sizeMismatchIsAClearError() {
        TwoViewAugmenter aug = new TwoViewAugmenter(AugmentConfig.cifar32());
        assertThatThrownBy(() -> aug.apply(SyntheticImages.raw(3, 40, 40, 1), new SplittableRandom(1)))
                .hasMessageContaining("cifar32 expects 32x32").hasMessageContaining("40x40")
                .hasMessageContaining("resizeInput");
        assertThatThrownBy(() -> new TwoViewAugmenter(AugmentConfig.gray28())
                .apply(SyntheticImages.raw(3, 28, 28, 1), new SplittableRandom(1)))
                .hasMessageContaining("1-channel");
    }

    @Test
    void resizeInputBringsAnySizeTo32() {
        TwoViewAugmenter aug = new TwoViewAugmenter(AugmentConfig.cifar32().withResizeInput(true));
        TwoViews v = aug.apply(SyntheticImages.raw(3, 40, 57, 1), new SplittableRandom(1));
        assertThat(new int[] {v.x1().channels(), v.x1().height(), v.x1().width()}).containsExactly(3, 32, 32);
    }
}
