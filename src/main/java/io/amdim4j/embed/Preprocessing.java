package io.amdim4j.embed;

import io.amdim4j.data.RawImage;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.pipeline.ViewMaker;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic test-time preprocessing of spec §5.5 (no flip, no randomness), as an exported
 * model needs it: channel conversion, zero padding, resizing of the shorter side (bicubic),
 * centre crop, then x/255 and (x − mean)/std per channel (spec §5.1 step 3).
 *
 * <p>The steps run in that order and each only when it changes something: a 32×32 image for a
 * 32-px model is only normalised; a 28×28 image with {@code padding = 2} is zero-padded to 32×32
 * first (spec §5.4: the background is 0, so the pad is pixel value 0, normalised like any other
 * pixel); STL-10/ImageNet images are resized so that their shorter side is {@code
 * resizeShorterSide} (only if it is not already) and centre-cropped to {@code centerCrop}.
 *
 * <p>This mirrors spec §5.5 (the test transform of the augment package) step by step. The resize
 * reproduces the reference's 8-bit bicubic exactly ({@link BicubicResize}), and the centre crop
 * uses the reference's offsets, so STL-10 and ImageNet inputs match the reference pixel for pixel;
 * for the 32-px and 28-px families only padding and normalisation apply.
 *
 * @param inputSize side S of the square encoder input (spec §2.1 {@code encoder_size})
 * @param channels C_in of the encoder: images are converted to this many channels
 * @param mean per-channel mean on the [0, 1] scale (spec §5.2)
 * @param std per-channel standard deviation on the [0, 1] scale (spec §5.2)
 * @param padding zero pixels added on every side first (2 for 28×28 images, spec §5.4), or 0
 * @param resizeShorterSide target of the bicubic shorter-side resize (70 for STL-10, 146 at 128
 *     px), or 0 for none
 * @param centerCrop side of the centre crop (equal to {@code inputSize}), or 0 for none
 */
public record Preprocessing(
        int inputSize,
        int channels,
        List<Double> mean,
        List<Double> std,
        int padding,
        int resizeShorterSide,
        int centerCrop) {

    /** 8-bit pixels are divided by this before normalising (spec §5.1 step 3). */
    public static final double PIXEL_MAX = 255.0;

    /** Zero padding on each side of a 28×28 image, giving 32×32 (spec §5.4). */
    public static final int PADDING_28_TO_32 = 2;

    /** STL-10: resize the shorter side to 70, then centre-crop 64 (spec §5.5). */
    public static final int STL_RESIZE = 70;

    /** 128 px: resize the shorter side to 146, then centre-crop 128 (spec §5.5). */
    public static final int IMAGENET_RESIZE = 146;

    /** CIFAR mean (125.3, 123.0, 113.9)/255 (spec §5.2). */
    public static final List<Double> CIFAR_MEAN = List.of(125.3 / 255, 123.0 / 255, 113.9 / 255);

    /** CIFAR std (63.0, 62.1, 66.7)/255 (spec §5.2). */
    public static final List<Double> CIFAR_STD = List.of(63.0 / 255, 62.1 / 255, 66.7 / 255);

    /** 28×28 grayscale mean 0.2860 (spec §5.2, §5.4). */
    public static final List<Double> GRAY28_MEAN = List.of(0.2860);

    /** 28×28 grayscale std 0.3530 (spec §5.2, §5.4). */
    public static final List<Double> GRAY28_STD = List.of(0.3530);

    /** STL-10 mean (spec §5.2). */
    public static final List<Double> STL_MEAN = List.of(0.43, 0.42, 0.39);

    /** STL-10 std (spec §5.2). */
    public static final List<Double> STL_STD = List.of(0.27, 0.26, 0.27);

    /** ImageNet/Places205 mean (spec §5.2). */
    public static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);

    /** ImageNet/Places205 std (spec §5.2). */
    public static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);

    /** Validates every field and names the offending one. */
    public Preprocessing {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("preprocessing inputSize must be positive, got " + inputSize);
        }
        if (channels != EncoderConfig.GRAY_CHANNELS && channels != EncoderConfig.RGB_CHANNELS) {
            throw new IllegalArgumentException("preprocessing channels must be 1 or 3, got " + channels);
        }
        mean = List.copyOf(Objects.requireNonNull(mean, "preprocessing mean"));
        std = List.copyOf(Objects.requireNonNull(std, "preprocessing std"));
        if (mean.size() != channels || std.size() != channels) {
            throw new IllegalArgumentException("preprocessing needs one mean and one std per channel ("
                    + channels + "), got " + mean.size() + " and " + std.size());
        }
        for (double s : std) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("preprocessing std must be positive and finite, got " + std);
            }
        }
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("preprocessing mean must be finite, got " + mean);
            }
        }
        if (padding < 0) {
            throw new IllegalArgumentException("preprocessing padding must be >= 0, got " + padding);
        }
        if (centerCrop != 0 && centerCrop != inputSize) {
            throw new IllegalArgumentException("preprocessing centerCrop must be 0 (none) or the input size "
                    + inputSize + ", got " + centerCrop);
        }
        if (resizeShorterSide != 0 && resizeShorterSide < inputSize) {
            throw new IllegalArgumentException("preprocessing resizeShorterSide must be 0 (none) or at least the"
                    + " input size " + inputSize + ", got " + resizeShorterSide);
        }
        if (resizeShorterSide > inputSize && centerCrop == 0) {
            throw new IllegalArgumentException("preprocessing resizes the shorter side to " + resizeShorterSide
                    + " > input size " + inputSize + " but has no centerCrop to bring it back");
        }
    }

    /**
     * CIFAR-10/100 at 32 px: normalise only (spec §5.5).
     *
     * @return the preprocessing
     */
    public static Preprocessing cifar() {
        return new Preprocessing(EncoderConfig.CIFAR_SIZE, EncoderConfig.RGB_CHANNELS, CIFAR_MEAN, CIFAR_STD, 0, 0, 0);
    }

    /**
     * 28×28 grayscale (Fashion-MNIST) on the 32-px, 1-channel encoder: zero-pad 2, normalise (spec
     * §5.4, §5.5).
     *
     * @return the preprocessing
     */
    public static Preprocessing grayscale28() {
        return new Preprocessing(
                EncoderConfig.CIFAR_SIZE, EncoderConfig.GRAY_CHANNELS, GRAY28_MEAN, GRAY28_STD, PADDING_28_TO_32, 0, 0);
    }

    /**
     * STL-10 at 64 px: shorter side to 70 (bicubic), centre crop 64, normalise (spec §5.5).
     *
     * @return the preprocessing
     */
    public static Preprocessing stl10() {
        return new Preprocessing(EncoderConfig.STL_SIZE, EncoderConfig.RGB_CHANNELS, STL_MEAN, STL_STD, 0,
                STL_RESIZE, EncoderConfig.STL_SIZE);
    }

    /**
     * ImageNet/Places205 at 128 px: shorter side to 146 (bicubic), centre crop 128, normalise (spec
     * §5.5).
     *
     * @return the preprocessing
     */
    public static Preprocessing imagenet() {
        return new Preprocessing(EncoderConfig.IMAGENET_SIZE, EncoderConfig.RGB_CHANNELS, IMAGENET_MEAN,
                IMAGENET_STD, 0, IMAGENET_RESIZE, EncoderConfig.IMAGENET_SIZE);
    }

    /**
     * Turns one 8-bit image into the encoder's input.
     *
     * @param image any size, 1 or 3 channels
     * @return {@code channels × inputSize × inputSize} floats in CHW order
     * @throws IllegalArgumentException if the image does not end up S×S (e.g. a 30×30 image for a
     *     32-px model without resize)
     */
    public float[] apply(RawImage image) {
        float[] planes = toChannels(image);
        int h = image.height();
        int w = image.width();
        if (padding > 0) {
            planes = PixelPlanes.pad(planes, channels, h, w, padding);
            h += 2 * padding;
            w += 2 * padding;
        }
        if (resizeShorterSide > 0 && Math.min(h, w) != resizeShorterSide) {
            int[] size = PixelPlanes.shorterSideTo(h, w, resizeShorterSide);
            planes = BicubicResize.resize(planes, channels, h, w, size[0], size[1]);
            h = size[0];
            w = size[1];
        }
        if (centerCrop > 0 && (h != centerCrop || w != centerCrop) && h >= centerCrop && w >= centerCrop) {
            planes = PixelPlanes.centerCrop(planes, channels, h, w, centerCrop);
            h = centerCrop;
            w = centerCrop;
        }
        if (h != inputSize || w != inputSize) {
            throw new IllegalArgumentException("a " + image.height() + "×" + image.width() + " image is "
                    + h + "×" + w + " after preprocessing (padding " + padding + ", shorter side "
                    + resizeShorterSide + ", crop " + centerCrop + "), but the encoder takes " + inputSize
                    + "×" + inputSize + " (spec §5.5)");
        }
        normalise(planes);
        return planes;
    }

    /**
     * The preprocessing as the loader's single, non-random view (spec §5.5: no flip).
     *
     * @return a view maker that ignores its random stream
     */
    public ViewMaker viewMaker() {
        return (sample, rng) ->
                new ViewMaker.View[] {new ViewMaker.View(channels, inputSize, inputSize, apply(sample.image()))};
    }

    private float[] toChannels(RawImage image) {
        int area = image.height() * image.width();
        float[] out = new float[channels * area];
        byte[] px = image.pixels();
        if (image.channels() == channels) {
            for (int i = 0; i < out.length; i++) {
                out[i] = px[i] & 0xFF;
            }
        } else if (channels == EncoderConfig.RGB_CHANNELS) {
            // spec §5.4 option: a grayscale image replicated to three channels
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < area; i++) {
                    out[c * area + i] = px[i] & 0xFF;
                }
            }
        } else {
            for (int i = 0; i < area; i++) {
                out[i] = PixelPlanes.luma(px[i] & 0xFF, px[area + i] & 0xFF, px[2 * area + i] & 0xFF);
            }
        }
        return out;
    }

    private void normalise(float[] planes) {
        int area = inputSize * inputSize;
        for (int c = 0; c < channels; c++) {
            double m = mean.get(c);
            double s = std.get(c);
            for (int i = c * area; i < (c + 1) * area; i++) {
                planes[i] = (float) ((planes[i] / PIXEL_MAX - m) / s);
            }
        }
    }
}
