package io.amdim4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * STL-10 binaries (Coates et al. 2011, {@code stl10_binary}): {@code train_X.bin} (5k),
 * {@code test_X.bin} (8k), {@code unlabeled_X.bin} (100k) with {@code train_y.bin} and
 * {@code test_y.bin}. Spec §5.2 "Splits": pre-training uses {@code train+unlabeled} (105k; label
 * −1 for the unlabelled images) and testing uses {@code test}.
 *
 * <p>Each image is 3 planes (R, G, B) of 96×96 bytes, and each plane is stored column-major
 * (MATLAB order), so pixel (c, y, x) sits at byte {@code c·96·96 + x·96 + y}; {@link #get}
 * transposes it to our row-major CHW. Labels are stored as 1..10 and returned as 0..9. The image
 * files are memory-mapped, never loaded: the unlabeled file alone is 2.76 GB.
 */
final class Stl10Dataset extends AbstractImageDataset {

    /** Image side of every STL-10 image. */
    public static final int SIDE = 96;
    /** Bytes of one stored image. */
    public static final int IMAGE_BYTES = 3 * SIDE * SIDE;
    /** Smallest stored label: STL-10 counts classes from 1. */
    public static final int FIRST_STORED_LABEL = 1;

    /** STL-10 class names, used when {@code class_names.txt} is absent. */
    public static final List<String> CLASSES = List.of(
            "airplane", "bird", "car", "cat", "deer", "dog", "horse", "monkey", "ship", "truck");

    private final RecordFiles images;
    /** Zero-based labels, or {@code null} for the unlabeled split. */
    private final byte[] labels;

    private Stl10Dataset(String description, List<String> classNames, RecordFiles images, byte[] labels) {
        super(description, classNames);
        this.images = images;
        this.labels = labels;
    }

    /**
     * One stored split, {@code train}, {@code test} or {@code unlabeled}, from the {@code stl10_binary}
     * directory; {@link DatasetSpec} joins them into the pre-training split {@code train+unlabeled}.
     */
    public static Stl10Dataset open(Path dir, String split) {
        if (!List.of("train", "test", "unlabeled").contains(split)) {
            throw new IllegalArgumentException("stl10 stores splits train, test and unlabeled, got '" + split + "'");
        }
        Path imageFile = dir.resolve(split + "_X.bin");
        Path labelFile = split.equals("unlabeled") ? null : dir.resolve(split + "_y.bin");
        List<String> names = ClassNamesFile.readOrDefault(dir.resolve("class_names.txt"), CLASSES);
        return open(imageFile, labelFile, split.equals("unlabeled") ? List.of() : names,
                "stl10 " + split + " (" + dir + ")");
    }

    /** Maps {@code imageFile}; {@code labelFile} may be {@code null} for unlabelled images. */
    static Stl10Dataset open(Path imageFile, Path labelFile, List<String> classNames, String description) {
        RecordFiles images = RecordFiles.map(List.of(imageFile), IMAGE_BYTES);
        byte[] labels = labelFile == null ? null : readLabels(labelFile, images.count(), imageFile, classNames.size());
        return new Stl10Dataset(description, List.copyOf(classNames), images, labels);
    }

    private static byte[] readLabels(Path labelFile, int count, Path imageFile, int numClasses) {
        MappedFile.requireRegularFile(labelFile);
        byte[] stored;
        try {
            stored = Files.readAllBytes(labelFile);
        } catch (IOException e) {
            throw new DatasetException(labelFile, "cannot read: " + e, e);
        }
        if (stored.length != count) {
            throw new DatasetException(labelFile, "wrong size: holds " + stored.length + " labels but "
                    + imageFile + " holds " + count + " images");
        }
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = (stored[i] & 0xFF) - FIRST_STORED_LABEL;
            if (label < 0 || label >= numClasses) {
                throw new DatasetException(labelFile, "label " + (stored[i] & 0xFF) + " of image " + i
                        + " is outside 1.." + numClasses);
            }
            labels[i] = (byte) label;
        }
        return labels;
    }

    @Override
    public int size() {
        return images.count();
    }

    @Override
    public Sample get(int index) {
        byte[] stored = new byte[IMAGE_BYTES];
        images.read(index, 0, stored);
        byte[] pixels = new byte[IMAGE_BYTES];
        int plane = SIDE * SIDE;
        for (int c = 0; c < 3; c++) {
            int base = c * plane;
            for (int x = 0; x < SIDE; x++) {
                int column = base + x * SIDE;
                for (int y = 0; y < SIDE; y++) {
                    pixels[base + y * SIDE + x] = stored[column + y];
                }
            }
        }
        return new Sample(new RawImage(3, SIDE, SIDE, pixels), label(index));
    }

    @Override
    public int label(int index) {
        Objects.checkIndex(index, size());
        return labels == null ? Sample.UNLABELLED : labels[index];
    }
}
