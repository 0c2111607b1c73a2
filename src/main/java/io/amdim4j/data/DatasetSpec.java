package io.amdim4j.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A dataset named on the command line as {@code scheme[:path]}, e.g. {@code fashion-mnist},
 * {@code cifar10:/data/cifar-10-batches-bin}, {@code stl10:/data/stl10_binary},
 * {@code folder:/data/imagenet}, {@code tar:/data/cifar10-jpg.tar.gz}.
 *
 * <p>Splits (spec §5.2 "Splits"): {@code train} and {@code test} for IDX and CIFAR;
 * {@code train}, {@code test}, {@code unlabeled}, {@code train+unlabeled} for STL-10. For
 * {@code folder} and {@code tar} a split names a folder ({@code train}, {@code val}, ...); the
 * names {@code unlabeled}/{@code unlabelled} select the unlabelled layout, and {@code a+b}
 * concatenates splits. Folder and archive images are decoded to RGB.
 *
 * @param scheme the format
 * @param path the dataset file or directory (for CIFAR and STL-10 its parent also works)
 */
public record DatasetSpec(Scheme scheme, Path path) {

    /** The formats, by their CLI names. */
    public enum Scheme {
        FASHION_MNIST("fashion-mnist"),
        MNIST("mnist"),
        CIFAR10("cifar10"),
        CIFAR100("cifar100"),
        CIFAR100_COARSE("cifar100-coarse"),
        STL10("stl10"),
        FOLDER("folder"),
        TAR("tar");

        private final String cliName;

        Scheme(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        static Scheme fromCliName(String name) {
            for (Scheme s : values()) {
                if (s.cliName.equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown dataset scheme '" + name + "'; known: "
                    + Arrays.stream(values()).map(Scheme::cliName).collect(Collectors.joining(", ")));
        }
    }

    private static final String UNLABELLED_AMERICAN = "unlabeled";
    private static final String UNLABELLED_BRITISH = "unlabelled";

    public DatasetSpec {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(path, "path");
    }

    /** Parses {@code scheme[:path]}; only {@code fashion-mnist} has a default path. */
    public static DatasetSpec parse(String text) {
        Objects.requireNonNull(text, "dataset");
        int colon = text.indexOf(':');
        Scheme scheme = Scheme.fromCliName((colon < 0 ? text : text.substring(0, colon)).strip());
        String path = colon < 0 ? "" : text.substring(colon + 1).strip();
        if (path.isEmpty()) {
            if (scheme != Scheme.FASHION_MNIST) {
                throw new IllegalArgumentException("dataset '" + text + "' needs a path: "
                        + scheme.cliName() + ":/path/to/data");
            }
            return new DatasetSpec(scheme, IdxDataset.FASHION_MNIST_DEFAULT_DIR);
        }
        return new DatasetSpec(scheme, Path.of(path));
    }

    /** The split used for pre-training by default: {@code train+unlabeled} for STL-10, else {@code train}. */
    public String defaultTrainSplit() {
        return scheme == Scheme.STL10 ? "train+unlabeled" : "train";
    }

    /** Opens {@code split}; a missing path or file fails with a {@link DatasetException} naming it. */
    public ImageDataset open(String split) {
        Objects.requireNonNull(split, "split");
        if (!Files.exists(path)) {
            throw new DatasetException(path, "dataset " + scheme.cliName() + " not found");
        }
        return switch (scheme) {
            case FASHION_MNIST -> IdxDataset.fashionMnist(path, split);
            case MNIST -> IdxDataset.mnist(path, split);
            case CIFAR10 -> CifarBinaryDataset.cifar10(inner("cifar-10-batches-bin"), split);
            case CIFAR100 -> CifarBinaryDataset.cifar100(inner("cifar-100-binary"), split,
                    CifarBinaryDataset.Cifar100Label.FINE);
            case CIFAR100_COARSE -> CifarBinaryDataset.cifar100(inner("cifar-100-binary"), split,
                    CifarBinaryDataset.Cifar100Label.COARSE);
            case STL10 -> Stl10Dataset.open(inner("stl10_binary"), split);
            case FOLDER, TAR -> openNamedSplits(split);
        };
    }

    /** Provenance fingerprint of the dataset files ({@link DatasetChecksum}). */
    public String checksum() {
        return DatasetChecksum.of(path);
    }

    /** {@code path/name} when the user gave the parent of the standard folder, else {@code path}. */
    private Path inner(String name) {
        Path candidate = path.resolve(name);
        return Files.isDirectory(candidate) ? candidate : path;
    }

    private ImageDataset openNamedSplits(String split) {
        List<ImageDataset> parts = new ArrayList<>();
        for (String part : split.split("\\+")) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty split name in '" + split + "'");
            }
            boolean unlabelled = part.equals(UNLABELLED_AMERICAN) || part.equals(UNLABELLED_BRITISH);
            ImageDecoder decoder = ImageDecoder.rgb();
            if (scheme == Scheme.TAR) {
                parts.add(unlabelled ? TarImageDataset.unlabelled(path, part, decoder)
                        : TarImageDataset.labelled(path, part, decoder));
            } else {
                Path dir = path.resolve(part);
                parts.add(unlabelled ? ImageFolderDataset.unlabelled(dir, decoder)
                        : ImageFolderDataset.labelled(dir, decoder));
            }
        }
        return parts.size() == 1 ? parts.get(0)
                : new ConcatDataset(scheme.cliName() + " " + path + " " + split, parts);
    }

    @Override
    public String toString() {
        return scheme.cliName() + ":" + path;
    }
}
