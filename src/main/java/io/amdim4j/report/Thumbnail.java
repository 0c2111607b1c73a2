package io.amdim4j.report;

import io.amdim4j.data.RawImage;
import java.awt.image.BufferedImage;

/**
 * A dataset image as a gallery thumbnail: enlarged by pixel replication (nearest neighbour), so
 * that 28 px and 32 px images stay sharp and show exactly the pixels the encoder saw before its
 * test transform.
 */
public final class Thumbnail {

    /** Enlargement of small images in the gallery. */
    public static final int SCALE = 3;

    /** Larger images are shrunk (by sampling) to fit this side, so an ImageNet-sized folder still fits a page. */
    public static final int MAX_SIDE = 96 * SCALE;

    private Thumbnail() {}

    /** Side lengths {height, width} of the thumbnail of an image of {@code height}×{@code width}. */
    public static int[] size(int height, int width) {
        double scale = Math.min(SCALE, (double) MAX_SIDE / Math.max(height, width));
        return new int[] {Math.max(1, (int) Math.round(height * scale)), Math.max(1, (int) Math.round(width * scale))};
    }

    /** The thumbnail: pixel (y, x) shows source pixel (⌊y·h/H⌋, ⌊x·w/W⌋). */
    public static BufferedImage of(RawImage image) {
        int[] size = size(image.height(), image.width());
        int outH = size[0];
        int outW = size[1];
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < outH; y++) {
            int sy = (int) ((long) y * image.height() / outH);
            for (int x = 0; x < outW; x++) {
                int sx = (int) ((long) x * image.width() / outW);
                out.setRGB(x, y, rgb(image, sy, sx));
            }
        }
        return out;
    }

    /** Packed 0xRRGGBB of one pixel; gray images repeat their one channel. */
    static int rgb(RawImage image, int y, int x) {
        if (image.channels() == 1) {
            int g = image.get(0, y, x);
            return (g << 16) | (g << 8) | g;
        }
        return (image.get(0, y, x) << 16) | (image.get(1, y, x) << 8) | image.get(2, y, x);
    }
}
