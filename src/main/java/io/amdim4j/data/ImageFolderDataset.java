package io.amdim4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Images in a directory tree (spec §5.2: ImageNet and Places205 use their train and val folders):
 * labelled as {@code <root>/<class>/*.{jpg,jpeg,png}}, or unlabelled (every image under the root,
 * label −1). Only the file list is kept; each {@link #get} reads and decodes one file, so the
 * dataset costs memory for names only. Hidden files and folders (names starting with '.') are
 * ignored, as are non-image files.
 */
final class ImageFolderDataset extends AbstractImageDataset {

    private final Path root;
    private final ImageDecoder decoder;
    /** Root-relative paths in dataset order. */
    private final String[] files;
    private final int[] labels;

    private ImageFolderDataset(Path root, String description, ImageDecoder decoder, List<String> classNames,
                               String[] files, int[] labels) {
        super(description, classNames);
        this.root = root;
        this.decoder = decoder;
        this.files = files;
        this.labels = labels;
    }

    /** {@code <root>/<class>/...} with classes sorted by name; a class folder without images is an error. */
    public static ImageFolderDataset labelled(Path root, ImageDecoder decoder) {
        List<String> images = listImages(root);
        List<String> classDirs = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .forEach(classDirs::add);
        } catch (IOException e) {
            throw new DatasetException(root, "cannot list folder: " + e, e);
        }
        FolderLayout layout = FolderLayout.labelled(images, classDirs,
                cls -> new DatasetException(root.resolve(cls), "class folder contains no .jpg, .jpeg or .png image"));
        if (layout.order().length == 0) {
            throw new DatasetException(root, "no class folders with images");
        }
        return build(root, "folder " + root + " (" + layout.classNames().size() + " classes)", decoder, images, layout);
    }

    /** Every image below {@code root}, in path order, with label −1. */
    public static ImageFolderDataset unlabelled(Path root, ImageDecoder decoder) {
        List<String> images = listImages(root);
        if (images.isEmpty()) {
            throw new DatasetException(root, "contains no .jpg, .jpeg or .png image");
        }
        return build(root, "folder " + root + " (unlabelled)", decoder, images, FolderLayout.unlabelled(images));
    }

    private static ImageFolderDataset build(Path root, String description, ImageDecoder decoder,
                                            List<String> images, FolderLayout layout) {
        String[] files = new String[layout.order().length];
        for (int i = 0; i < files.length; i++) {
            files[i] = images.get(layout.order()[i]);
        }
        return new ImageFolderDataset(root, description, Objects.requireNonNull(decoder, "decoder"),
                layout.classNames(), files, layout.labels());
    }

    private static List<String> listImages(Path root) {
        if (!Files.exists(root)) {
            throw new DatasetException(root, "folder not found");
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "not a folder");
        }
        // Dataset folders are often symlinked into place; a link cycle fails the walk with an error.
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(rel -> !isHidden(rel) && FolderLayout.isImageName(rel.getFileName().toString()))
                    .map(rel -> rel.toString().replace(rel.getFileSystem().getSeparator(), "/"))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException(root, "cannot list folder: " + e, e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return files.length;
    }

    @Override
    public Sample get(int index) {
        Path file = root.resolve(files[Objects.checkIndex(index, size())]);
        byte[] encoded;
        try {
            encoded = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read image: " + e, e);
        }
        try {
            return new Sample(decoder.decode(encoded), labels[index]);
        } catch (IOException e) {
            throw new DatasetException(file, e.getMessage(), e);
        }
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, size())];
    }
}
