package io.amdim4j.augment;

import io.amdim4j.data.RawImage;
import java.util.Objects;

/**
 * An image as the augmentations see it: planar CHW floats, 8-bit values divided by 255 (spec §5.1
 * step 3) and so in [0, 1] until {@link Normalize} runs, after which a loader can stack
 * {@link #data()} straight into an NCHW batch.
 *
 * <p>The array is shared, not copied: the pixelwise operations of this package write into it in
 * place, which is why every geometric operation returns a fresh image.
 *
 * @param channels 1 or 3
 * @param height rows
 * @param width columns
 * @param data {@code channels * height * width} values, (c, y, x) at {@code (c * height + y) * width + x}
 */
public record FloatImage(int channels, int height, int width, float[] data) {

    private static final float MAX_8BIT = 255f;
    /** i / 255 for every byte value, so the conversion is one table look-up per value. */
    private static final float[] UNIT_OF_BYTE = byteTable();

    public FloatImage {
        Objects.requireNonNull(data, "data");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException("expected " + channels * height * width + " floats for " + channels
                    + "x" + height + "x" + width + ", got " + data.length);
        }
    }

    /** An all-zero image. */
    static FloatImage zeros(int channels, int height, int width) {
        return new FloatImage(channels, height, width, new float[channels * height * width]);
    }

    /** Converts 8-bit values to [0, 1] by dividing by 255 (spec §5.1 step 3). */
    static FloatImage fromRaw(RawImage image) {
        byte[] pixels = image.pixels();
        float[] data = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            data[i] = UNIT_OF_BYTE[pixels[i] & 0xFF];
        }
        return new FloatImage(image.channels(), image.height(), image.width(), data);
    }

    /** Value of channel {@code c} at row {@code y}, column {@code x}. */
    float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    /** {@code height * width}: the stride between channel planes. */
    int planeSize() {
        return height * width;
    }

    /** An independent copy. */
    FloatImage copy() {
        return new FloatImage(channels, height, width, data.clone());
    }

    /**
     * This image with its single channel copied to three (spec §5.4 option), or this image itself if
     * it already has three channels.
     */
    FloatImage toThreeChannels() {
        if (channels == 3) {
            return this;
        }
        int plane = planeSize();
        float[] rgb = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(data, 0, rgb, c * plane, plane);
        }
        return new FloatImage(3, height, width, rgb);
    }

    private static float[] byteTable() {
        float[] table = new float[256];
        for (int i = 0; i < table.length; i++) {
            table[i] = i / MAX_8BIT;
        }
        return table;
    }
}
