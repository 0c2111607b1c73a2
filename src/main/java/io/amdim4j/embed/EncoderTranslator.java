package io.amdim4j.embed;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.augment.FloatImage;
import io.amdim4j.augment.Grayscale;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.data.RawImage;
import io.amdim4j.model.EncoderConfig;
import java.util.Objects;

/**
 * Image to embedding: the run's test transform (spec §5.5, {@link TestTransform}, the same code
 * that prepares test images in training and in {@link EmbeddingExporter}), the encoder in
 * inference mode (BN with its running statistics, spec §2.2), and one output, r1 by default, as a
 * {@code float[]} (r5/r7 flattened in C order).
 *
 * <p>A colour image given to a 1-channel model becomes its 8-bit luma (spec §5.3 weights); a
 * grayscale image given to a 3-channel model is replicated to three channels.
 */
final class EncoderTranslator implements Translator<Image, float[]> {

    private static final int RGB = EncoderConfig.RGB_CHANNELS;
    private static final int MAX_8_BIT = 255;

    private final TestTransform transform;
    private final EncoderOutput output;

    /**
     * @param augment the run's augmentation family; its test transform prepares every image
     * @param output the output to return
     */
    public EncoderTranslator(AugmentConfig augment, EncoderOutput output) {
        this.transform = transform(Objects.requireNonNull(augment, "augment"));
        this.output = Objects.requireNonNull(output, "output");
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        return input(ctx, input, transform);
    }

    /**
     * The test transform of a deployed model: pictures come in any size, and are brought to the
     * encoder's as {@code amdim embed} brings an image folder's ({@link AugmentConfig#acceptingAnySize}).
     */
    static TestTransform transform(AugmentConfig augment) {
        return new TestTransform(augment.acceptingAnySize());
    }

    /** One image through the test transform into a C×S×S array: the input of every amdim4j export. */
    static NDList input(TranslatorContext ctx, Image image, TestTransform transform) {
        RawImage raw = toRawImage(image, transform.config().workChannels(), ctx);
        FloatImage x = transform.apply(raw);
        return new NDList(ctx.getNDManager().create(x.data(), new Shape(x.channels(), x.height(), x.width())));
    }

    /** {@inheritDoc} */
    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.get(output.index()).toFloatArray();
    }

    private static RawImage toRawImage(Image image, int channels, TranslatorContext ctx) {
        try (NDArray hwc = image.toNDArray(ctx.getNDManager(), Image.Flag.COLOR)) {
            return toRawImage(hwc.toByteArray(), image.getHeight(), image.getWidth(), channels);
        }
    }

    /**
     * The planar CHW image with {@code channels} channels from DJL's interleaved 8-bit RGB (HWC);
     * one channel is the luma {@link Grayscale#luma} rounded to 8 bits, as a grayscale image file
     * would store it.
     */
    static RawImage toRawImage(byte[] hwc, int height, int width, int channels) {
        int area = height * width;
        if (hwc.length != RGB * area) {
            throw new IllegalStateException("Image.toNDArray gave " + hwc.length + " bytes, expected HWC "
                    + height + "×" + width + "×" + RGB);
        }
        byte[] chw = new byte[channels * area];
        for (int i = 0; i < area; i++) {
            int r = hwc[RGB * i] & 0xFF;
            int g = hwc[RGB * i + 1] & 0xFF;
            int b = hwc[RGB * i + 2] & 0xFF;
            if (channels == RGB) {
                chw[i] = (byte) r;
                chw[area + i] = (byte) g;
                chw[2 * area + i] = (byte) b;
            } else {
                chw[i] = (byte) Math.min(MAX_8_BIT, Math.round(Grayscale.luma(r, g, b)));
            }
        }
        return new RawImage(channels, height, width, chw);
    }
}
