package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.data.RawImage;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The whole training augmentation of spec §5.1–§5.3 against the same pipeline written out step by
 * step from the individual operations, fed the same random draws: ÷255 (and the §5.4 zero padding),
 * the shared flip, then for each view translate, jitter, grayscale and normalise, in that order. A
 * reordering, a skipped or repeated step, or a draw going to the wrong operation gives other pixels.
 */
class TrainingAugmentationOrderTest {

    private static final int SEEDS = 300;

    /** Which random steps fired over all seeds; each must be seen both on and off. */
    private static final class Fired {
        int flips;
        int translations;
        int jitters;
        int grays;
        int views;
    }

    @Test
    void cifar32IsFlipThenTranslateJitterGrayscaleNormalisePerView() {
        Fired fired = compareOverSeeds(AugmentConfig.cifar32(), SyntheticImages.raw(3, 32, 32, 21),
                List.of(125.3 / 255, 123.0 / 255, 113.9 / 255), List.of(63.0 / 255, 62.1 / 255, 66.7 / 255));
        assertFiredSometimes(fired, true);
    }

    @Test
    void gray28IsPadFlipThenTranslateAndBrightnessContrastPerView() {
        Fired fired = compareOverSeeds(AugmentConfig.gray28(), SyntheticImages.raw(1, 28, 28, 22),
                List.of(0.2860), List.of(0.3530));
        assertFiredSometimes(fired, false);
    }

    private static Fired compareOverSeeds(AugmentConfig config, RawImage raw, List<Double> mean, List<Double> std) {
        TwoViewAugmenter augmenter = new TwoViewAugmenter(config);
        Fired fired = new Fired();
        for (long seed = 0; seed < SEEDS; seed++) {
            TwoViews actual = augmenter.apply(raw, new SplittableRandom(seed));
            FloatImage[] expected = stepByStep(raw, config.padding(), mean, std, new SplittableRandom(seed), fired);
            assertThat(SyntheticImages.maxAbsDiff(actual.x1().data(), expected[0].data()))
                    .as("view 1, seed %d", seed).isLessThan(1e-4);
            assertThat(SyntheticImages.maxAbsDiff(actual.x2().data(), expected[1].data()))
                    .as("view 2, seed %d", seed).isLessThan(1e-4);
        }
        return fired;
    }

    private static void assertFiredSometimes(Fired f, boolean colour) {
        assertThat(f.flips).isStrictlyBetween(0, SEEDS);
        assertThat(f.translations).isStrictlyBetween(0, f.views);
        assertThat(f.jitters).isStrictlyBetween(0, f.views);
        assertThat(f.grays).isStrictlyBetween(colour ? 0 : -1, colour ? f.views : 1);
    }

    /**
     * Spec §5 written out with the spec's constants: p(flip) 0.5; per view p(translate) 0.8 with
     * tx, ty uniform in −4…4; p(jitter) 0.8 with b, c, s ~ U[0.6, 1.4] and h ~ U[−0.2, 0.2] (b and c
     * only on one channel) in a fresh random order; p(grayscale) 0.25 on three channels; then
     * (x − mean)/std. Draws come from {@code rng} in that order (the order the pipeline documents).
     */
    private static FloatImage[] stepByStep(RawImage raw, int padding, List<Double> mean, List<Double> std,
            RandomGenerator rng, Fired fired) {
        FloatImage source = FloatImage.fromRaw(raw);
        if (padding > 0) {
            source = new ZeroPad(padding).apply(source);
        }
        if (rng.nextDouble() < 0.5) {
            HorizontalFlip.flipInPlace(source);
            fired.flips++;
        }
        boolean colour = source.channels() == 3;
        FloatImage[] views = new FloatImage[2];
        for (int v = 0; v < 2; v++) {
            fired.views++;
            FloatImage x = source.copy();
            if (rng.nextDouble() < 0.8) {
                int tx = rng.nextInt(-4, 5);
                int ty = rng.nextInt(-4, 5);
                x = ReflectTranslate.translate(source, tx, ty);
                fired.translations++;
            }
            if (rng.nextDouble() < 0.8) {
                jitter(x, colour, rng);
                fired.jitters++;
            }
            if (colour && rng.nextDouble() < 0.25) {
                Grayscale.toGrayInPlace(x);
                fired.grays++;
            }
            normalise(x, mean, std);
            views[v] = x;
        }
        return views;
    }

    private static void jitter(FloatImage x, boolean colour, RandomGenerator rng) {
        float b = (float) around(rng);
        float c = (float) around(rng);
        float s = colour ? (float) around(rng) : 1;
        float h = colour ? (float) (-0.2 + 0.4 * rng.nextDouble()) : 0;
        int[] order = colour ? new int[] {0, 1, 2, 3} : new int[] {0, 1};
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int op : order) {
            switch (op) {
                case 0 -> ColorJitter.adjustBrightness(x, b);
                case 1 -> ColorJitter.adjustContrast(x, c);
                case 2 -> ColorJitter.adjustSaturation(x, s);
                default -> ColorJitter.adjustHue(x, h);
            }
        }
    }

    /** U[1 − 0.4, 1 + 0.4]. */
    private static double around(RandomGenerator rng) {
        return 0.6 + 0.8 * rng.nextDouble();
    }

    private static void normalise(FloatImage x, List<Double> mean, List<Double> std) {
        float[] d = x.data();
        int plane = x.planeSize();
        for (int i = 0; i < d.length; i++) {
            int c = i / plane;
            d[i] = (float) ((d[i] - mean.get(c)) / std.get(c));
        }
    }
}
