package io.amdim4j.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * CIFAR-10 and CIFAR-100 in their "binary version" (Krizhevsky 2009), memory-mapped.
 *
 * <ul>
 *   <li>CIFAR-10 ({@code cifar-10-batches-bin}): {@code data_batch_1..5.bin} (train) and
 *       {@code test_batch.bin}; 3073-byte records: label, then 1024 R, 1024 G, 1024 B bytes
 *       (rows of 32, top to bottom); class names in {@code batches.meta.txt}.</li>
 *   <li>CIFAR-100 ({@code cifar-100-binary}): {@code train.bin}, {@code test.bin}; 3074-byte
 *       records: coarse label, fine label, pixels; names in {@code fine_label_names.txt} and
 *       {@code coarse_label_names.txt}.</li>
 * </ul>
 * Spec §5.2 "Splits": the 50k training images serve both the self-supervised loss and the
 * classifiers; the 10k test images are for testing only.
 *
 * <p>The record's pixel bytes are already planar CHW, so {@link #get} is a single copy.
 */
final class CifarBinaryDataset extends AbstractImageDataset {

    /** Image side of every CIFAR image. */
    public static final int SIDE = 32;
    /** Bytes of one image: 3 planes of 32×32. */
    public static final int IMAGE_BYTES = 3 * SIDE * SIDE;
    /** Number of CIFAR-10 training batch files. */
    public static final int CIFAR10_TRAIN_BATCHES = 5;

    /** CIFAR-10 names, used when {@code batches.meta.txt} is absent. */
    public static final List<String> CIFAR10_CLASSES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    private static final int CIFAR100_FINE_CLASSES = 100;
    private static final int CIFAR100_COARSE_CLASSES = 20;

    /** Which CIFAR-100 label to use: the 100 fine classes (default) or the 20 superclasses. */
    public enum Cifar100Label { FINE, COARSE }

    private final RecordFiles records;
    /** Byte offset of the used label within a record. */
    private final int labelOffset;
    /** Byte offset of the pixels within a record. */
    private final int pixelOffset;

    private CifarBinaryDataset(String description, List<String> classNames, RecordFiles records,
                               int labelOffset, int pixelOffset) {
        super(description, classNames);
        this.records = records;
        this.labelOffset = labelOffset;
        this.pixelOffset = pixelOffset;
    }

    /** CIFAR-10 split {@code train} (5 batches, 50k) or {@code test} (10k) from {@code cifar-10-batches-bin}. */
    public static CifarBinaryDataset cifar10(Path dir, String split) {
        List<Path> files = switch (split) {
            case "train" -> IntStream.rangeClosed(1, CIFAR10_TRAIN_BATCHES)
                    .mapToObj(i -> dir.resolve("data_batch_" + i + ".bin")).toList();
            case "test" -> List.of(dir.resolve("test_batch.bin"));
            default -> throw new IllegalArgumentException("cifar10 has splits train and test, got '" + split + "'");
        };
        List<String> names = ClassNamesFile.readOrDefault(dir.resolve("batches.meta.txt"), CIFAR10_CLASSES);
        return open(files, 0, 1, names, "cifar10 " + split + " (" + dir + ")");
    }

    /** CIFAR-100 split {@code train} (50k) or {@code test} (10k) from {@code cifar-100-binary}. */
    public static CifarBinaryDataset cifar100(Path dir, String split, Cifar100Label which) {
        Objects.requireNonNull(which, "which");
        Path file = switch (split) {
            case "train" -> dir.resolve("train.bin");
            case "test" -> dir.resolve("test.bin");
            default -> throw new IllegalArgumentException("cifar100 has splits train and test, got '" + split + "'");
        };
        boolean fine = which == Cifar100Label.FINE;
        List<String> names = fine
                ? ClassNamesFile.readOrDefault(dir.resolve("fine_label_names.txt"), numbered(CIFAR100_FINE_CLASSES))
                : ClassNamesFile.readOrDefault(dir.resolve("coarse_label_names.txt"), numbered(CIFAR100_COARSE_CLASSES));
        String name = fine ? "cifar100" : "cifar100-coarse";
        return open(List.of(file), fine ? 1 : 0, 2, names, name + " " + split + " (" + dir + ")");
    }

    /**
     * Maps record files whose records are {@code pixelOffset} label bytes followed by
     * {@link #IMAGE_BYTES} pixels, using the label at {@code labelOffset}. Every label is
     * checked against {@code classNames} here, so {@link #get} cannot meet a bad one.
     */
    static CifarBinaryDataset open(List<Path> files, int labelOffset, int pixelOffset,
                                   List<String> classNames, String description) {
        RecordFiles records = RecordFiles.map(files, pixelOffset + IMAGE_BYTES);
        for (int i = 0; i < records.count(); i++) {
            int label = records.readUnsigned(i, labelOffset);
            if (label >= classNames.size()) {
                throw new DatasetException(records.pathOf(i), "label " + label + " of record "
                        + records.recordInFile(i) + " is outside the " + classNames.size() + " classes");
            }
        }
        return new CifarBinaryDataset(description, List.copyOf(classNames), records, labelOffset, pixelOffset);
    }

    private static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    @Override
    public int size() {
        return records.count();
    }

    @Override
    public Sample get(int index) {
        byte[] pixels = new byte[IMAGE_BYTES];
        records.read(index, pixelOffset, pixels);
        return new Sample(new RawImage(3, SIDE, SIDE, pixels), label(index));
    }

    @Override
    public int label(int index) {
        return records.readUnsigned(index, labelOffset);
    }
}
