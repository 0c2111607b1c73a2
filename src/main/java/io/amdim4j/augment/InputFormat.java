package io.amdim4j.augment;

import io.amdim4j.data.RawImage;

/**
 * Brings a decoded image to the form a family's operations expect, the same way for training and
 * testing: the work channel count, and for 32-px families the exact size (zero padding of 28×28
 * images, spec §5.4, or the optional bicubic pre-resize).
 */
final class InputFormat {

    private final AugmentConfig config;
    private final ZeroPad pad;
    private final ResizeShorterSide shorterSide;
    private final CenterCrop centre;

    InputFormat(AugmentConfig config) {
        this.config = config;
        this.pad = new ZeroPad(config.padding());
        this.shorterSide = new ResizeShorterSide(config.size());
        this.centre = new CenterCrop(config.size());
    }

    /** A fresh float image the caller may modify in place. */
    FloatImage conform(RawImage image) {
        FloatImage x = FloatImage.fromRaw(image);
        if (image.channels() != config.workChannels()) {
            if (image.channels() == 3) {
                throw new IllegalArgumentException(config.name() + " works on 1-channel images, got a 3-channel "
                        + image.height() + "x" + image.width() + " image");
            }
            x = x.toThreeChannels();
        }
        if (config.translate() == null) {
            return x;
        }
        int size = config.size();
        int inner = size - 2 * config.padding();
        if (x.height() == size && x.width() == size) {
            return x;
        }
        if (config.padding() > 0 && x.height() == inner && x.width() == inner) {
            return pad.apply(x);
        }
        if (config.resizeInput()) {
            return centre.apply(shorterSide.apply(x));
        }
        String padded = config.padding() > 0 ? " or " + inner + "x" + inner + " (zero-padded)" : "";
        throw new IllegalArgumentException(config.name() + " expects " + size + "x" + size + padded
                + " images, got " + x.height() + "x" + x.width() + "; enable resizeInput to resize other sizes");
    }

    /** The work image as the encoder receives it: replicated to three channels if the config asks. */
    FloatImage toOutputChannels(FloatImage x) {
        return config.channels() == 3 ? x.toThreeChannels() : x;
    }
}
