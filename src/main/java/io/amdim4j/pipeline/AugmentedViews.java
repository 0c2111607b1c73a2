package io.amdim4j.pipeline;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.augment.FloatImage;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.augment.TwoViewAugmenter;
import io.amdim4j.augment.TwoViews;

/**
 * The {@link ViewMaker}s of a family's augmentation: two views for pre-training (spec §5.1) and
 * the single deterministic test view (spec §5.5).
 */
final class AugmentedViews {

    private AugmentedViews() {
    }

    /** x¹ and x² from {@link TwoViewAugmenter}, every draw from the sample's stream (spec §5.1). */
    public static ViewMaker pretraining(AugmentConfig config) {
        TwoViewAugmenter augmenter = new TwoViewAugmenter(config);
        return (sample, rng) -> {
            TwoViews pair = augmenter.apply(sample.image(), rng);
            return new ViewMaker.View[] {view(pair.x1()), view(pair.x2())};
        };
    }

    /** One training view per image (flip, then the family's view transform), for supervised fine-tuning. */
    public static ViewMaker fineTuning(AugmentConfig config) {
        TwoViewAugmenter augmenter = new TwoViewAugmenter(config);
        return (sample, rng) -> new ViewMaker.View[] {view(augmenter.oneView(sample.image(), rng))};
    }

    /** The one test view of {@link TestTransform} (spec §5.5); it draws nothing, so {@code rng} is ignored. */
    public static ViewMaker testing(AugmentConfig config) {
        TestTransform transform = new TestTransform(config);
        return (sample, rng) -> new ViewMaker.View[] {view(transform.apply(sample.image()))};
    }

    private static ViewMaker.View view(FloatImage image) {
        return new ViewMaker.View(image.channels(), image.height(), image.width(), image.data());
    }
}
