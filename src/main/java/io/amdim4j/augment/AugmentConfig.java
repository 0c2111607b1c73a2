package io.amdim4j.augment;

import java.util.Locale;
import java.util.Objects;

/**
 * Everything that defines one family's augmentation (spec §5): the per-view operations, the shared
 * flip, normalisation, the test-time resize and how input images are brought to the family's format.
 * Build it from a preset ({@link #cifar32()}, {@link #stl64()}, {@link #imagenet128()},
 * {@link #gray28()}) and adjust with the {@code with…} methods.
 *
 * <p>The channel count the operations work on is {@code normalize.channels()}; {@code channels} is
 * what the encoder receives and may be 3 for 1-channel work, the values then copied to all three
 * (spec §5.4 option). One-channel input to a 3-channel family is copied to RGB first.
 *
 * @param name family label used in messages, e.g. {@code "cifar32"}
 * @param size output side in pixels (32, 64, 128)
 * @param channels output channels, 1 or 3
 * @param flip whether the shared flip of spec §5.1 runs (off for digit datasets, spec §5.4)
 * @param translate the reflected translation of 32-px families; null for crop families
 * @param crop the random resized crop of 64/128-px families; null for 32-px families
 * @param jitter colour jitter (spec §5.3)
 * @param grayscale random grayscale (spec §5.3)
 * @param lighting PCA lighting noise, alphaStd 0 for none (spec §9 #4)
 * @param normalize per-channel statistics (spec §5.2)
 * @param testResize shorter side before the test centre crop (spec §5.5); 0 for 32-px families, which
 *     take their input as it is
 * @param padding zero border added to inputs of side {@code size − 2·padding} (spec §5.4); 32-px
 *     families only
 * @param resizeInput 32-px families only: bring inputs of any other size to {@code size × size}
 *     (bicubic shorter side, then centre crop) before augmenting and testing, e.g. image folders
 */
public record AugmentConfig(
        String name,
        int size,
        int channels,
        boolean flip,
        ReflectTranslate translate,
        RandomResizedCrop crop,
        ColorJitter jitter,
        Grayscale grayscale,
        Lighting lighting,
        Normalize normalize,
        int testResize,
        int padding,
        boolean resizeInput) {

    /** Side of the 32-px encoder's input (spec §5.2). */
    public static final int SIZE_32 = 32;
    /** Side of the 64-px encoder's input, STL-10's crop (spec §5.2). */
    public static final int SIZE_64 = 64;
    static final int SIZE_128 = 128;

    /**
     * Checks that the parts fit together, naming the family and the offending component.
     *
     * @param name family label, not blank
     * @param size output side, positive
     * @param channels 1 or 3
     * @param flip whether the shared flip runs
     * @param translate the translation, for 32-px families only
     * @param crop the crop, for 64/128-px families only; its size equals {@code size}
     * @param jitter colour jitter, required
     * @param grayscale random grayscale, required
     * @param lighting PCA lighting, required; non-zero needs 3 work channels
     * @param normalize statistics of at most {@code channels} channels, required
     * @param testResize at least {@code size} for crop families, 0 for 32-px families
     * @param padding in [0, size/2), 32-px families only
     * @param resizeInput 32-px families only
     * @throws IllegalArgumentException if the name is blank, size is not positive, channels is not 1
     *     or 3, not exactly one of {@code translate} and {@code crop} is set, the crop's size differs
     *     from {@code size}, {@code normalize} has more channels than {@code channels}, lighting is on
     *     without 3-channel work, {@code testResize}, {@code padding} or {@code resizeInput} do not fit
     *     the family kind
     * @throws NullPointerException if jitter, grayscale, lighting or normalize is null
     */
    public AugmentConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("augment name must not be blank");
        }
        if (size <= 0) {
            throw new IllegalArgumentException(name + ": size must be positive, got " + size);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(name + ": channels must be 1 or 3, got " + channels);
        }
        if ((translate == null) == (crop == null)) {
            throw new IllegalArgumentException(
                    name + ": set exactly one of translate (32-px families) and crop (64/128-px families)");
        }
        Objects.requireNonNull(jitter, name + ": jitter");
        Objects.requireNonNull(grayscale, name + ": grayscale");
        Objects.requireNonNull(lighting, name + ": lighting");
        Objects.requireNonNull(normalize, name + ": normalize");
        if (crop != null && crop.size() != size) {
            throw new IllegalArgumentException(name + ": crop size " + crop.size() + " must equal size " + size);
        }
        if (normalize.channels() > channels) {
            throw new IllegalArgumentException(name + ": channels " + channels
                    + " cannot hold the " + normalize.channels() + " channels normalize has statistics for");
        }
        if (lighting.alphaStd() > 0 && normalize.channels() != 3) {
            throw new IllegalArgumentException(name + ": lighting needs 3-channel work, normalize has "
                    + normalize.channels());
        }
        if (crop != null && testResize < size) {
            throw new IllegalArgumentException(
                    name + ": testResize must be >= size " + size + " for a crop family, got " + testResize);
        }
        if (translate != null && testResize != 0) {
            throw new IllegalArgumentException(
                    name + ": testResize must be 0 for a 32-px (translate) family, got " + testResize);
        }
        if (padding < 0 || 2 * padding >= size) {
            throw new IllegalArgumentException(name + ": padding must be in [0, size/2), got " + padding);
        }
        if (padding > 0 && translate == null) {
            throw new IllegalArgumentException(name + ": padding applies to 32-px (translate) families only");
        }
        if (resizeInput && translate == null) {
            throw new IllegalArgumentException(
                    name + ": resizeInput applies to 32-px (translate) families only; crops take any size");
        }
    }

    /**
     * Spec §5.2, CIFAR-10/100 at 32 px: flip, translate ±4 (p 0.8), jitter (0.4, 0.4, 0.4, 0.2), gray 0.25.
     *
     * @return the 32-px RGB preset
     */
    public static AugmentConfig cifar32() {
        return new AugmentConfig("cifar32", SIZE_32, 3, true, ReflectTranslate.standard(), null,
                ColorJitter.standard(ColorJitter.HUE_STRENGTH), Grayscale.standard(), Lighting.none(),
                Normalize.cifar(), 0, 0, false);
    }

    /**
     * Spec §5.2 and §5.5, STL-10 at 64 px: crop scale (0.3, 1), hue 0.2; test: shorter side 70, crop 64.
     *
     * @return the 64-px RGB preset
     */
    public static AugmentConfig stl64() {
        return new AugmentConfig("stl64", SIZE_64, 3, true, null, RandomResizedCrop.standard(SIZE_64),
                ColorJitter.standard(ColorJitter.HUE_STRENGTH), Grayscale.standard(), Lighting.none(),
                Normalize.stl(), ResizeShorterSide.TEST_RESIZE_64, 0, false);
    }

    /**
     * Our 128-px default (spec §9 #4): crop scale (0.2, 0.9) and PCA lighting 0.1, otherwise spec §5.2
     * (hue 0.1); test: shorter side 146, crop 128.
     *
     * @return the 128-px RGB preset
     */
    public static AugmentConfig imagenet128() {
        return new AugmentConfig("imagenet128", SIZE_128, 3, true, null,
                new RandomResizedCrop(SIZE_128, RandomResizedCrop.SCALE_MIN_128, RandomResizedCrop.SCALE_MAX_128,
                        RandomResizedCrop.RATIO_MIN, RandomResizedCrop.RATIO_MAX),
                ColorJitter.standard(ColorJitter.HUE_STRENGTH_128), Grayscale.standard(),
                new Lighting(Lighting.ALPHA_STD_128), Normalize.imagenet(), ResizeShorterSide.TEST_RESIZE_128, 0,
                false);
    }

    /**
     * The reference's 128-px transform (spec §5.2 as written, the §9 #4 option): scale (0.3, 1), no lighting.
     *
     * @return the 128-px preset named {@code imagenet128-reference}
     */
    public static AugmentConfig imagenet128Reference() {
        return new AugmentConfig("imagenet128-reference", SIZE_128, 3, true, null,
                RandomResizedCrop.standard(SIZE_128), ColorJitter.standard(ColorJitter.HUE_STRENGTH_128),
                Grayscale.standard(), Lighting.none(), Normalize.imagenet(), ResizeShorterSide.TEST_RESIZE_128, 0,
                false);
    }

    /**
     * Spec §5.4, 28×28 grayscale (Fashion-MNIST): zero-pad to 32, shared flip, translate ±4 (p 0.8),
     * brightness and contrast jitter 0.4 (p 0.8), mean 0.2860, std 0.3530, 1 channel. Use
     * {@code withFlip(false)} for digits and {@code withChannels(3)} for the replicated-RGB option.
     *
     * @return the 32-px one-channel preset for 28-px inputs
     */
    public static AugmentConfig gray28() {
        return new AugmentConfig("gray28", SIZE_32, 1, true, ReflectTranslate.standard(), null,
                new ColorJitter(ColorJitter.JITTER_PROBABILITY, ColorJitter.BCS_STRENGTH, ColorJitter.BCS_STRENGTH,
                        0, 0),
                new Grayscale(0), Lighting.none(), Normalize.gray28(), 0, ZeroPad.PAD_28_TO_32, false);
    }

    /**
     * The preset for an encoder input of {@code size} pixels and {@code channels} channels: 32/3 cifar32,
     * 32/1 gray28, 64/3 stl64, 128/3 imagenet128.
     *
     * @param size the encoder's input side in pixels
     * @param channels the encoder's input channels
     * @return a fresh preset
     * @throws IllegalArgumentException if no preset has that size and channel count
     */
    public static AugmentConfig forFamily(int size, int channels) {
        if (size == SIZE_32 && channels == 3) {
            return cifar32();
        }
        if (size == SIZE_32 && channels == 1) {
            return gray28();
        }
        if (size == SIZE_64 && channels == 3) {
            return stl64();
        }
        if (size == SIZE_128 && channels == 3) {
            return imagenet128();
        }
        throw new IllegalArgumentException("no augmentation preset for " + size + " px with " + channels
                + " channel(s); presets: 32 px 3 ch (cifar32), 32 px 1 ch (gray28), 64 px 3 ch (stl64), "
                + "128 px 3 ch (imagenet128)");
    }

    /** The preset called {@code name}: cifar32, stl64, imagenet128, imagenet128-reference or gray28. */
    static AugmentConfig named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cifar32" -> cifar32();
            case "stl64" -> stl64();
            case "imagenet128" -> imagenet128();
            case "imagenet128-reference" -> imagenet128Reference();
            case "gray28" -> gray28();
            default -> throw new IllegalArgumentException("unknown augmentation preset '" + name
                    + "'; expected cifar32, stl64, imagenet128, imagenet128-reference or gray28");
        };
    }

    /**
     * This config with the shared flip switched on or off.
     *
     * @param on whether the shared flip runs
     * @return a copy that differs only in {@code flip}
     */
    public AugmentConfig withFlip(boolean on) {
        return new AugmentConfig(name, size, channels, on, translate, crop, jitter, grayscale, lighting, normalize,
                testResize, padding, resizeInput);
    }

    /**
     * This config with another output channel count (3 on a 1-channel family replicates, spec §5.4).
     *
     * @param outChannels 1 or 3
     * @return a copy that differs only in {@code channels}
     * @throws IllegalArgumentException if {@code outChannels} cannot hold the work channels
     */
    public AugmentConfig withChannels(int outChannels) {
        return new AugmentConfig(name, size, outChannels, flip, translate, crop, jitter, grayscale, lighting,
                normalize, testResize, padding, resizeInput);
    }

    /**
     * This config with the input pre-resize (32-px families) switched on or off.
     *
     * @param on whether inputs of another size are resized to {@code size × size} first
     * @return a copy that differs only in {@code resizeInput}
     * @throws IllegalArgumentException if {@code on} is true for a crop family
     */
    public AugmentConfig withResizeInput(boolean on) {
        return new AugmentConfig(name, size, channels, flip, translate, crop, jitter, grayscale, lighting,
                normalize, testResize, padding, on);
    }

    /**
     * This family taking a picture of any size, for queries of a deployed model: a 32-px family
     * resizes other sizes as it does for image folders ({@code resizeInput}); crop families already
     * resize every input in their test transform.
     *
     * @return this family, or this family with {@code resizeInput} on
     */
    public AugmentConfig acceptingAnySize() {
        return translate == null || resizeInput ? this : withResizeInput(true);
    }

    /**
     * The channel count the operations work on: that of the normalisation statistics.
     *
     * @return 1 or 3, at most {@link #channels()}
     */
    public int workChannels() {
        return normalize.channels();
    }
}
