package io.amdim4j.augment;

import io.amdim4j.data.RawImage;

/**
 * The deterministic test-time transform (spec §5.5, no flip): 32-px families normalise the image as
 * it is (28×28 padded first); 64/128-px families resize the shorter side to {@code testResize}
 * (70 / 146, bicubic) and take the central {@code size × size} window before normalising.
 */
public final class TestTransform {

    private final AugmentConfig config;
    private final InputFormat format;
    private final ResizeShorterSide shorterSide;
    private final CenterCrop centre;

    public TestTransform(AugmentConfig config) {
        this.config = config;
        this.format = new InputFormat(config);
        this.shorterSide = config.testResize() > 0 ? new ResizeShorterSide(config.testResize()) : null;
        this.centre = new CenterCrop(config.size());
    }

    /** The normalised test image. */
    public FloatImage apply(RawImage image) {
        FloatImage x = format.conform(image);
        if (shorterSide != null) {
            x = centre.apply(shorterSide.apply(x));
        }
        config.normalize().applyInPlace(x);
        return format.toOutputChannels(x);
    }

    public AugmentConfig config() {
        return config;
    }
}
