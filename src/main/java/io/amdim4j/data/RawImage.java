package io.amdim4j.data;

import java.util.Objects;

/**
 * An 8-bit image as a reader decodes it: planar CHW layout, one unsigned byte per value.
 *
 * <p>Every reader produces this type and every augmentation starts from it, so the readers
 * never know about augmentation and the augmentations never know about file formats.
 *
 * @param channels 1 (grayscale) or 3 (RGB)
 * @param height rows
 * @param width columns
 * @param pixels {@code channels * height * width} bytes, value of (c, y, x) at {@code (c * height + y) * width + x}
 */
public record RawImage(int channels, int height, int width, byte[] pixels) {

    public RawImage {
        Objects.requireNonNull(pixels, "pixels");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if (pixels.length != channels * height * width) {
            throw new IllegalArgumentException(
                    "expected " + channels * height * width + " bytes for " + channels + "x" + height + "x" + width
                            + ", got " + pixels.length);
        }
    }

    /** Unsigned value 0..255 of channel {@code c} at row {@code y}, column {@code x}. */
    public int get(int c, int y, int x) {
        return pixels[(c * height + y) * width + x] & 0xFF;
    }
}
