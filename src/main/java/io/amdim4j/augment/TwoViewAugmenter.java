package io.amdim4j.augment;

import io.amdim4j.data.RawImage;
import java.util.random.RandomGenerator;

/**
 * AMDIM's two-view scheme (spec §5.1): flip the source with p = 0.5 once, so both views share the
 * flip, then run the family's {@link ViewTransform} twice with independent draws.
 *
 * <p>All randomness comes from the generator passed in, in a fixed order (the flip draw when the flip
 * is on, then view 1, then view 2), so one seed always gives the same pair. Instances hold no mutable state and may be shared by loader
 * threads, each with its own generator.
 */
public final class TwoViewAugmenter {

    private final AugmentConfig config;
    private final InputFormat format;
    private final HorizontalFlip flip;
    private final ViewTransform view;

    public TwoViewAugmenter(AugmentConfig config) {
        this.config = config;
        this.format = new InputFormat(config);
        this.flip = HorizontalFlip.standard();
        this.view = new ViewTransform(config);
    }

    /** The two views of {@code image}. */
    public TwoViews apply(RawImage image, RandomGenerator rng) {
        FloatImage source = flipped(image, rng);
        FloatImage x1 = view.apply(source, rng);
        FloatImage x2 = view.apply(source, rng);
        return new TwoViews(x1, x2);
    }

    /**
     * One training view of {@code image} (flip, then the view transform): what supervised
     * fine-tuning trains on, with the same draws as the first view of {@link #apply}.
     */
    public FloatImage oneView(RawImage image, RandomGenerator rng) {
        return view.apply(flipped(image, rng), rng);
    }

    private FloatImage flipped(RawImage image, RandomGenerator rng) {
        FloatImage source = format.conform(image);
        if (config.flip()) {
            flip.applyInPlace(source, rng);
        }
        return source;
    }

    AugmentConfig config() {
        return config;
    }
}
