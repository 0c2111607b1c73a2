package io.amdim4j.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The dataset formats, by their command-line names, with what each stores: image side, channels,
 * image family (which spec §5.2 augmentation row it belongs to), whether a mirror image keeps its
 * class, and the splits spec §5.2 trains and tests on. Every fact about a format lives here, so a
 * new format is one constant whose omissions the compiler points out.
 */
public enum DatasetFormat {
    /** Fashion-MNIST's IDX files: 28×28 grayscale clothing, where a mirror image keeps its class. */
    FASHION_MNIST("fashion-mnist", ImageFamily.GRAYSCALE_28, true, Split.TRAIN),
    /** Digits: a mirrored 2 is no digit, so no flip (spec §5.4). */
    MNIST("mnist", ImageFamily.GRAYSCALE_28, false, Split.TRAIN),
    /** CIFAR-10's binary batches, 10 classes. */
    CIFAR10("cifar10", ImageFamily.CIFAR_32, true, Split.TRAIN),
    /** CIFAR-100's binary files with the 100 fine labels. */
    CIFAR100("cifar100", ImageFamily.CIFAR_32, true, Split.TRAIN),
    /** CIFAR-100's binary files with the 20 coarse (superclass) labels. */
    CIFAR100_COARSE("cifar100-coarse", ImageFamily.CIFAR_32, true, Split.TRAIN),
    /** Spec §5.2: STL-10 pre-trains on its 5k labelled and 100k unlabelled images. */
    STL10("stl10", ImageFamily.STL_96, true, Split.parse("train+unlabeled")),
    /** {@code DIR/<split>/<class>/*.jpg}; images of any size, decoded to RGB. */
    FOLDER("folder", ImageFamily.ANY_SIZE, true, Split.TRAIN),
    /** The folder layout inside a {@code .tar} or {@code .tar.gz}, read in place. */
    TAR("tar", ImageFamily.ANY_SIZE, true, Split.TRAIN);

    /**
     * The image families of spec §5.2 and §5.4. The augmentation layer maps each to its transform;
     * data only says which family its images belong to.
     */
    public enum ImageFamily {
        /** 28×28 grayscale, zero-padded to the 32-px encoder (spec §5.4). */
        GRAYSCALE_28(28, 1),
        /** CIFAR-10/100: 32×32 RGB, trained at 32 px without resizing. */
        CIFAR_32(CifarBinaryDataset.SIDE, 3),
        /** STL-10: 96×96 RGB, trained at 64 px through random resized crops. */
        STL_96(Stl10Dataset.SIDE, 3),
        /** Folders and archives: RGB of any size (side 0 here), brought to the encoder's input size. */
        ANY_SIZE(0, 3);

        private final int side;
        private final int channels;

        ImageFamily(int side, int channels) {
            this.side = side;
            this.channels = channels;
        }

        /**
     * The side of every image of the family, or empty when images may have any size.
     *
     * @return the side in pixels, or empty
     */
        public OptionalInt imageSide() {
            return side > 0 ? OptionalInt.of(side) : OptionalInt.empty();
        }

        /**
         * Channels of the images as read: 1 for grayscale IDX files, 3 for everything decoded to RGB.
         *
         * @return 1 or 3
         */
        public int channels() {
            return channels;
        }
    }

    private final String cliName;
    private final ImageFamily family;
    private final boolean mirrorKeepsClass;
    private final Split pretrainSplit;

    DatasetFormat(String cliName, ImageFamily family, boolean mirrorKeepsClass, Split pretrainSplit) {
        this.cliName = cliName;
        this.family = family;
        this.mirrorKeepsClass = mirrorKeepsClass;
        this.pretrainSplit = pretrainSplit;
    }

    /**
     * The name in {@code --dataset}, e.g. {@code cifar100-coarse}.
     *
     * @return the command-line name
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The image family, which picks the augmentation preset (spec §5.2, §5.4).
     *
     * @return the family of the stored images
     */
    public ImageFamily family() {
        return family;
    }

    /**
     * The side of every stored image, or empty when images may have any size.
     *
     * @return the side in pixels, or empty for folders and archives
     */
    public OptionalInt imageSide() {
        return family.imageSide();
    }

    /**
     * Channels of the images as read.
     *
     * @return 1 or 3
     */
    public int channels() {
        return family.channels();
    }

    /**
     * Whether a horizontally mirrored image keeps its class, i.e. whether the shared flip of spec §5.1 runs.
     *
     * @return false for digits only
     */
    public boolean mirrorKeepsClass() {
        return mirrorKeepsClass;
    }

    /**
     * The split pre-training reads by default (spec §5.2 "Splits").
     *
     * @return {@code train}, or {@code train+unlabeled} for STL-10
     */
    public Split defaultTrainSplit() {
        return pretrainSplit;
    }

    /**
     * The split tested on by default.
     *
     * @return {@code test}
     */
    public Split defaultTestSplit() {
        return Split.TEST;
    }

    /**
     * Where the data is when {@code --dataset} names no path: Debian's package for Fashion-MNIST only.
     *
     * @return the default directory, or empty when the path must be given
     */
    public Optional<Path> defaultPath() {
        return this == FASHION_MNIST ? Optional.of(IdxDataset.FASHION_MNIST_DEFAULT_DIR) : Optional.empty();
    }

    /**
     * The format called {@code name} on the command line.
     *
     * @param name e.g. {@code cifar10}
     * @return the format
     * @throws IllegalArgumentException listing the known names if there is no such format
     */
    public static DatasetFormat fromCliName(String name) {
        for (DatasetFormat f : values()) {
            if (f.cliName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown dataset format '" + name + "'; known: "
                + Arrays.stream(values()).map(DatasetFormat::cliName).collect(Collectors.joining(", ")));
    }
}
