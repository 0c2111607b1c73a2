package io.amdim4j.embed;

import io.amdim4j.data.RawImage;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Random RGB images for the export tests, and their pixels read independently of the translator. */
public final class RgbImages {

    private RgbImages() {}

    /** A 32×32 image of uniformly random colours. */
    public static BufferedImage random(Random random) {
        return random(random, 32, 32);
    }

    /** A height×width image of uniformly random colours. */
    public static BufferedImage random(Random random, int height, int width) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    /** The image's pixels read with getRGB, planar CHW. */
    public static RawImage planar(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] chw = new byte[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                chw[y * w + x] = (byte) (rgb >> 16);
                chw[(h + y) * w + x] = (byte) (rgb >> 8);
                chw[(2 * h + y) * w + x] = (byte) rgb;
            }
        }
        return new RawImage(3, h, w, chw);
    }
}
