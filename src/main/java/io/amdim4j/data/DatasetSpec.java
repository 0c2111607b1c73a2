package io.amdim4j.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A dataset named on the command line as {@code format[:path]}, e.g. {@code fashion-mnist},
 * {@code cifar10:/data/cifar-10-batches-bin}, {@code stl10:/data/stl10_binary},
 * {@code folder:/data/imagenet}, {@code tar:cifar10-jpg.tar.gz}. Parsed once where it enters (the
 * command line, config.json) and passed on parsed; {@link #toString} gives the text back, which is
 * what config.json stores.
 *
 * <p>Splits ({@link Split}, spec §5.2 "Splits"): {@code train} and {@code test} for IDX and CIFAR;
 * {@code train}, {@code test} and {@code unlabeled} for STL-10. For {@code folder} and {@code tar} a
 * split names a folder ({@code train}, {@code val}, ...) and {@code unlabeled}/{@code unlabelled}
 * selects the unlabelled layout. {@code a+b} reads split a, then split b. Folder and archive images
 * are decoded to RGB.
 *
 * @param format the format, with its facts (image size, channels, family, default splits)
 * @param path the dataset file or directory (for CIFAR and STL-10 its parent also works)
 */
public record DatasetSpec(DatasetFormat format, Path path) {

    /**
     * Checks that both parts are given; the path is not opened here.
     *
     * @param format the format, required
     * @param path the file or directory, required; it need not exist yet
     * @throws NullPointerException naming the missing component
     */
    public DatasetSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
    }

    /**
     * {@code format} where {@link DatasetFormat#defaultPath} puts it.
     *
     * @param format a format with a default path (the packaged Fashion-MNIST, MNIST)
     * @return the spec of that default location
     * @throws IllegalArgumentException if the format has no default path
     */
    public static DatasetSpec atDefaultPath(DatasetFormat format) {
        return new DatasetSpec(format, format.defaultPath().orElseThrow(() -> new IllegalArgumentException(
                "dataset " + format.cliName() + " needs a path: " + format.cliName() + ":/path/to/data")));
    }

    /**
     * Parses {@code format[:path]}; only formats with a {@link DatasetFormat#defaultPath} may omit the path.
     *
     * @param text the command-line text, e.g. {@code cifar10:/data/cifar-10-batches-bin}
     * @return the parsed spec
     * @throws IllegalArgumentException if the format is unknown or a path is needed and missing
     */
    @JsonCreator
    public static DatasetSpec parse(String text) {
        Objects.requireNonNull(text, "dataset");
        int colon = text.indexOf(':');
        DatasetFormat format = DatasetFormat.fromCliName((colon < 0 ? text : text.substring(0, colon)).strip());
        String path = colon < 0 ? "" : text.substring(colon + 1).strip();
        return path.isEmpty() ? atDefaultPath(format) : new DatasetSpec(format, Path.of(path));
    }

    /**
     * Opens {@code split}, part by part; a missing path or file fails with a {@link DatasetException} naming it.
     *
     * @param split one split or several joined by {@code +}
     * @return the split's images, its parts one after the other
     * @throws DatasetException if the path or a split's file is missing or malformed
     */
    public ImageDataset open(Split split) {
        Objects.requireNonNull(split, "split");
        if (!Files.exists(path)) {
            throw new DatasetException(path, "dataset " + format.cliName() + " not found");
        }
        List<ImageDataset> parts = split.parts().stream().map(this::openPart).toList();
        return parts.size() == 1 ? parts.get(0)
                : new ConcatDataset(format.cliName() + " " + split + " (" + path + ")", parts);
    }

    /**
     * Provenance fingerprint of the dataset files ({@link DatasetChecksum}), stored in config.json so
     * a resumed or reproduced run can tell when its data changed.
     *
     * @return {@code "sha256:<hex>"} over the files' names, sizes and (for up to 64 files) sampled bytes
     * @throws DatasetException if the path does not exist or a file cannot be read
     */
    public String checksum() {
        return DatasetChecksum.of(path);
    }

    private ImageDataset openPart(String part) {
        return switch (format) {
            case FASHION_MNIST -> IdxDataset.fashionMnist(path, part);
            case MNIST -> IdxDataset.mnist(path, part);
            case CIFAR10 -> CifarBinaryDataset.cifar10(inner("cifar-10-batches-bin"), part);
            case CIFAR100 -> CifarBinaryDataset.cifar100(inner("cifar-100-binary"), part,
                    CifarBinaryDataset.Cifar100Label.FINE);
            case CIFAR100_COARSE -> CifarBinaryDataset.cifar100(inner("cifar-100-binary"), part,
                    CifarBinaryDataset.Cifar100Label.COARSE);
            case STL10 -> Stl10Dataset.open(inner("stl10_binary"), part);
            case FOLDER -> Split.isUnlabelled(part) ? ImageFolderDataset.unlabelled(path.resolve(part), ImageDecoder.rgb())
                    : ImageFolderDataset.labelled(path.resolve(part), ImageDecoder.rgb());
            case TAR -> Split.isUnlabelled(part) ? TarImageDataset.unlabelled(path, part, ImageDecoder.rgb())
                    : TarImageDataset.labelled(path, part, ImageDecoder.rgb());
        };
    }


    /** {@code path/name} when the user gave the parent of the standard folder, else {@code path}. */
    private Path inner(String name) {
        Path candidate = path.resolve(name);
        return Files.isDirectory(candidate) ? candidate : path;
    }

    /** {@code format:path}, or just the format when the path is its default: the text config.json stores. */
    @JsonValue
    @Override
    public String toString() {
        return format.defaultPath().filter(path::equals).isPresent() ? format.cliName()
                : format.cliName() + ":" + path;
    }
}
