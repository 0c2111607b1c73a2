package io.amdim4j.embed;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.amdim4j.data.RawImage;
import io.amdim4j.model.EncoderConfig;
import java.util.Objects;

/**
 * Image to embedding: the test-time preprocessing of spec §5.5 ({@link Preprocessing}), the encoder
 * in inference mode (BN with its running statistics, spec §2.2), and one output, r1 by default, as
 * a {@code float[]} (r5/r7 flattened in C order).
 */
public final class EncoderTranslator implements Translator<Image, float[]> {

    private final Preprocessing preprocessing;
    private final EncoderOutput output;

    /**
     * @param preprocessing the dataset family's test transform
     * @param output the output to return
     */
    public EncoderTranslator(Preprocessing preprocessing, EncoderOutput output) {
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.output = Objects.requireNonNull(output, "output");
    }

    /** {@inheritDoc} */
    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        NDManager manager = ctx.getNDManager();
        float[] chw = preprocessing.apply(toRawImage(input, preprocessing.channels(), manager));
        int s = preprocessing.inputSize();
        return new NDList(manager.create(chw, new Shape(preprocessing.channels(), s, s)));
    }

    /** {@inheritDoc} */
    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.get(output.index()).toFloatArray();
    }

    /**
     * The image's 8-bit pixels in planar CHW order, converted by DJL to 1 or 3 channels (its
     * grayscale conversion is the luma of spec §5.3 rounded to 8 bits).
     */
    static RawImage toRawImage(Image image, int channels, NDManager manager) {
        Image.Flag flag = channels == EncoderConfig.GRAY_CHANNELS ? Image.Flag.GRAYSCALE : Image.Flag.COLOR;
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] hwc;
        try (NDArray array = image.toNDArray(manager, flag)) {
            Shape expected = new Shape(h, w, channels);
            if (!array.getShape().equals(expected)) {
                throw new IllegalStateException(
                        "Image.toNDArray gave " + array.getShape() + ", expected HWC " + expected);
            }
            hwc = array.toByteArray();
        }
        byte[] chw = new byte[hwc.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    chw[(c * h + y) * w + x] = hwc[(y * w + x) * channels + c];
                }
            }
        }
        return new RawImage(channels, h, w, chw);
    }
}
