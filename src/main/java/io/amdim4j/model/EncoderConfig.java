package io.amdim4j.model;

/**
 * Hyper-parameters of the AMDIM encoder (spec §2.1).
 *
 * <p>The compact constructor enforces the width constraint of spec §2.3: the last residual unit
 * maps the head width C (4F at 32 px, 8F at 64/128 px) to R and needs R ≥ C, so F = 320, R = 1280
 * is valid at 32 px but not at 128 px.
 *
 * @param inputSize side of the square input image: 32, 64 or 128 px
 * @param numChannels input channels C_in: 1 (grayscale) or 3 (RGB)
 * @param ndf base width F
 * @param nRkhs embedding width R
 * @param nDepth units per residual block d (≥ 1)
 * @param useBn whether BN is applied inside the trunk and the heads (the final BN and the heads'
 *     BN_out are always applied)
 */
public record EncoderConfig(
        int inputSize, int numChannels, int ndf, int nRkhs, int nDepth, boolean useBn) {

    /** Input side of the CIFAR encoder (spec §2.3, also the 28×28 path of §5.4). */
    public static final int CIFAR_SIZE = 32;

    /** Input side of the STL-10 encoder (spec §2.3). */
    public static final int STL_SIZE = 64;

    /** Input side of the ImageNet/Places205 encoder (spec §2.3). */
    public static final int IMAGENET_SIZE = 128;

    /** Reference default base width F (spec §2.1). */
    public static final int DEFAULT_NDF = 128;

    /** Reference default embedding width R (spec §2.1). */
    public static final int DEFAULT_N_RKHS = 1024;

    /** Reference default number of units per residual block d (spec §2.1). */
    public static final int DEFAULT_N_DEPTH = 3;

    /** RGB input (spec §2.1 default). */
    public static final int RGB_CHANNELS = 3;

    /** Grayscale input (spec §5.4). */
    static final int GRAY_CHANNELS = 1;

    /**
     * Validates every field and names the offending option.
     *
     * @param inputSize 32, 64 or 128
     * @param numChannels 1 or 3
     * @param ndf positive
     * @param nRkhs positive, at least the head width C (spec §2.3)
     * @param nDepth at least 1
     * @param useBn whether the trunk and heads use BN
     * @throws IllegalArgumentException naming the first option out of range
     */
    public EncoderConfig {
        if (inputSize != CIFAR_SIZE && inputSize != STL_SIZE && inputSize != IMAGENET_SIZE) {
            throw new IllegalArgumentException(
                    "inputSize (encoder_size) must be 32, 64 or 128 px, got " + inputSize);
        }
        if (numChannels != GRAY_CHANNELS && numChannels != RGB_CHANNELS) {
            throw new IllegalArgumentException(
                    "numChannels (num_channels) must be 1 or 3, got " + numChannels);
        }
        if (ndf <= 0) {
            throw new IllegalArgumentException("ndf must be positive, got " + ndf);
        }
        if (nRkhs <= 0) {
            throw new IllegalArgumentException("nRkhs (n_rkhs) must be positive, got " + nRkhs);
        }
        if (nDepth < 1) {
            throw new IllegalArgumentException("nDepth (n_depth) must be at least 1, got " + nDepth);
        }
        long headWidth = (long) headWidthFactor(inputSize) * ndf;
        if (nRkhs < headWidth) {
            throw new IllegalArgumentException(
                    "nRkhs (n_rkhs) must be at least "
                            + headWidthFactor(inputSize)
                            + "·ndf = "
                            + headWidth
                            + " at "
                            + inputSize
                            + " px (spec §2.3: the last residual unit needs c_out ≥ c_in), got"
                            + " nRkhs = "
                            + nRkhs
                            + " with ndf = "
                            + ndf);
        }
    }

    /**
     * The reference default encoder (F 128, R 1024, d 3, RGB, no trunk BN) at the given size.
     *
     * @param inputSize 32, 64 or 128
     * @return the configuration
     */
    public static EncoderConfig defaults(int inputSize) {
        return new EncoderConfig(
                inputSize, RGB_CHANNELS, DEFAULT_NDF, DEFAULT_N_RKHS, DEFAULT_N_DEPTH, false);
    }

    /**
     * CIFAR "large" at 32 px: (F, R, d) = (256, 2048, 10), the paper's Table 2(b) (spec §2.1).
     *
     * @return the configuration
     */
    public static EncoderConfig cifarLarge() {
        return new EncoderConfig(CIFAR_SIZE, RGB_CHANNELS, 256, 2048, 10, false);
    }

    /**
     * ImageNet "small" at 128 px: (192, 1536, 8) (spec §2.1).
     *
     * @return the configuration
     */
    public static EncoderConfig imagenetSmall() {
        return new EncoderConfig(IMAGENET_SIZE, RGB_CHANNELS, 192, 1536, 8, false);
    }

    /**
     * ImageNet "medium" at 128 px: (256, 2048, 10) (spec §2.1).
     *
     * @return the configuration
     */
    public static EncoderConfig imagenetMedium() {
        return new EncoderConfig(IMAGENET_SIZE, RGB_CHANNELS, 256, 2048, 10, false);
    }

    /**
     * ImageNet "large" at 128 px: (320, 2560, 10) (spec §2.1).
     *
     * @return the configuration
     */
    public static EncoderConfig imagenetLarge() {
        return new EncoderConfig(IMAGENET_SIZE, RGB_CHANNELS, 320, 2560, 10, false);
    }

    /**
     * A copy with another number of input channels (e.g. 1 for the 28×28 path of spec §5.4).
     *
     * @param channels 1 or 3
     * @return the new configuration
     */
    public EncoderConfig withNumChannels(int channels) {
        return new EncoderConfig(inputSize, channels, ndf, nRkhs, nDepth, useBn);
    }

    /**
     * A copy with the optional trunk/head BN switched on or off.
     *
     * @param bn whether to apply the optional BN layers
     * @return the new configuration
     */
    public EncoderConfig withUseBn(boolean bn) {
        return new EncoderConfig(inputSize, numChannels, ndf, nRkhs, nDepth, bn);
    }

    /**
     * A copy with another number of units per residual block.
     *
     * @param depth d ≥ 1
     * @return the new configuration
     */
    public EncoderConfig withDepth(int depth) {
        return new EncoderConfig(inputSize, numChannels, ndf, nRkhs, depth, useBn);
    }

    /**
     * Width C of tap5/tap7, the input of the heads φ5 and φ7: 4F at 32 px, 8F at 64/128 px (spec
     * §2.3).
     *
     * @return C
     */
    public int headChannels() {
        return headWidthFactor(inputSize) * ndf;
    }

    private static int headWidthFactor(int inputSize) {
        return inputSize == CIFAR_SIZE ? 4 : 8;
    }
}
