package io.amdim4j.augment;

import java.util.random.RandomGenerator;

/**
 * The per-view training transform of one family (spec §5.2), run after the shared flip: the geometry
 * (reflected translation at 32 px, random resized crop at 64/128 px), colour jitter, grayscale,
 * lighting noise where configured, normalisation, then the copy to three channels if asked.
 */
final class ViewTransform {

    private final AugmentConfig config;
    private final InputFormat format;

    public ViewTransform(AugmentConfig config) {
        this.config = config;
        this.format = new InputFormat(config);
    }

    /**
     * One view of {@code source} (already conformed and flipped), as a new image; {@code source} is not
     * modified. Draws in the order: geometry, jitter, grayscale, lighting.
     */
    public FloatImage apply(FloatImage source, RandomGenerator rng) {
        FloatImage x = config.translate() != null
                ? config.translate().apply(source, rng)
                : config.crop().apply(source, rng);
        config.jitter().applyInPlace(x, rng);
        config.grayscale().applyInPlace(x, rng);
        config.lighting().applyInPlace(x, rng);
        config.normalize().applyInPlace(x);
        return format.toOutputChannels(x);
    }

    public AugmentConfig config() {
        return config;
    }
}
