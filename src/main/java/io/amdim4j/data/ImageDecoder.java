package io.amdim4j.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes encoded images (JPEG, PNG, anything {@code javax.imageio} reads) into a {@link RawImage}
 * with a fixed channel count, so a folder mixing grayscale and colour files still gives the
 * encoder one input shape.
 *
 * <p>Grayscale sources are read from the raster, not through {@code getRGB}: Java treats 8-bit
 * gray as linear and would brighten it on conversion to sRGB. To 3 channels, gray is copied to all
 * three; to 1 channel, colour becomes L = 0.299R + 0.587G + 0.114B (the grayscale of spec §5.3).
 * Alpha is dropped. Instances are immutable and safe to share between threads; no static ImageIO
 * setting is touched (decoding works from memory, so ImageIO's disk cache is never used).
 */
final class ImageDecoder {

    /** Luma weights of spec §5.3 "Grayscale". */
    private static final double LUMA_R = 0.299;
    private static final double LUMA_G = 0.587;
    private static final double LUMA_B = 0.114;
    private static final int MAX_8BIT = 255;

    private final int channels;

    /** @param channels 3 for RGB (the default of every colour dataset) or 1 for grayscale */
    public ImageDecoder(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        this.channels = channels;
    }

    /** Decoder producing RGB images. */
    public static ImageDecoder rgb() {
        return new ImageDecoder(3);
    }

    public int channels() {
        return channels;
    }

    /**
     * Decodes {@code encoded}.
     *
     * @throws IOException if no ImageIO reader recognises the bytes or the data are corrupt; the
     *     caller adds the file name
     */
    public RawImage decode(byte[] encoded) throws IOException {
        BufferedImage image = read(encoded);
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        byte[] pixels = new byte[channels * plane];
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (isDirectGray(model)) {
            int[] gray = raster.getSamples(0, 0, w, h, 0, new int[plane]);
            int maxValue = (1 << model.getComponentSize(0)) - 1;
            for (int i = 0; i < plane; i++) {
                byte v = (byte) to8Bit(gray[i], maxValue);
                for (int c = 0; c < channels; c++) {
                    pixels[c * plane + i] = v;
                }
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < plane; i++) {
                int r = (argb[i] >> 16) & 0xFF;
                int g = (argb[i] >> 8) & 0xFF;
                int b = argb[i] & 0xFF;
                if (channels == 3) {
                    pixels[i] = (byte) r;
                    pixels[plane + i] = (byte) g;
                    pixels[2 * plane + i] = (byte) b;
                } else {
                    pixels[i] = (byte) Math.round(LUMA_R * r + LUMA_G * g + LUMA_B * b);
                }
            }
        }
        return new RawImage(channels, h, w, pixels);
    }

    private static BufferedImage read(byte[] encoded) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not a decodable image: no ImageIO reader recognises its "
                        + encoded.length + " bytes");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } catch (RuntimeException e) {
                // Some ImageIO plugins signal corrupt data with unchecked exceptions.
                throw new IOException("corrupt image data: " + e, e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Gray (with or without alpha) stored as plain samples in band 0, readable without conversion. */
    private static boolean isDirectGray(ColorModel model) {
        return model instanceof ComponentColorModel
                && model.getNumColorComponents() == 1
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static int to8Bit(int value, int maxValue) {
        return maxValue == MAX_8BIT ? value : (int) Math.round((double) value * MAX_8BIT / maxValue);
    }
}
