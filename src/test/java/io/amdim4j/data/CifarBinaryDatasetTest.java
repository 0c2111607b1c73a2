package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.data.CifarBinaryDataset.Cifar100Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryDatasetTest {

    /** Records per training batch; deliberately unequal so batch boundaries are exercised. */
    private static final int[] TRAIN_BATCH_SIZES = {2, 3, 1, 2, 2};
    private static final int TEST_SIZE = 3;
    private static final int CIFAR10_RECORD = 1 + CifarBinaryDataset.IMAGE_BYTES;

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(5);

    /** What was written, in file order. */
    private final List<RawImage> images = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final List<Integer> coarse = new ArrayList<>();

    private Path writeCifar10Batch(String name, int records) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            RawImage image = FormatWriters.randomImage(random, 3, CifarBinaryDataset.SIDE, CifarBinaryDataset.SIDE);
            int label = random.nextInt(10);
            images.add(image);
            labels.add(label);
            parts.add(FormatWriters.cifarRecord(new byte[] {(byte) label}, image));
        }
        return FormatWriters.write(dir.resolve(name), FormatWriters.concat(parts));
    }

    private void writeCifar10() throws IOException {
        for (int b = 0; b < TRAIN_BATCH_SIZES.length; b++) {
            writeCifar10Batch("data_batch_" + (b + 1) + ".bin", TRAIN_BATCH_SIZES[b]);
        }
    }

    private Path writeCifar100(String name, int records) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        for (int r = 0; r < records; r++) {
            RawImage image = FormatWriters.randomImage(random, 3, CifarBinaryDataset.SIDE, CifarBinaryDataset.SIDE);
            int c = random.nextInt(20);
            int f = random.nextInt(100);
            images.add(image);
            coarse.add(c);
            labels.add(f);
            parts.add(FormatWriters.cifarRecord(new byte[] {(byte) c, (byte) f}, image));
        }
        return FormatWriters.write(dir.resolve(name), FormatWriters.concat(parts));
    }

    private void assertMatches(ImageDataset dataset, List<Integer> expectedLabels) {
        assertThat(dataset.size()).isEqualTo(images.size());
        for (int i = 0; i < images.size(); i++) {
            Sample sample = dataset.get(i);
            RawImage image = sample.image();
            assertThat(image.channels()).isEqualTo(3);
            assertThat(image.height()).isEqualTo(32);
            // Spot-check the plane order against the record bytes: R plane first, rows of 32.
            byte[] written = images.get(i).pixels();
            assertThat(image.get(0, 0, 1)).isEqualTo(written[1] & 0xFF);
            assertThat(image.get(1, 2, 3)).isEqualTo(written[1024 + 2 * 32 + 3] & 0xFF);
            assertThat(image.get(2, 31, 31)).isEqualTo(written[3071] & 0xFF);
            assertThat(image.pixels()).isEqualTo(written);
            assertThat(sample.label()).isEqualTo(expectedLabels.get(i));
            assertThat(dataset.label(i)).isEqualTo(expectedLabels.get(i));
        }
    }

    @Test
    void cifar10TrainReadsFiveBatchesInOrder() throws IOException {
        writeCifar10();
        List<String> names = IntStream.range(0, 10).mapToObj(i -> "class" + i).toList();
        Files.writeString(dir.resolve("batches.meta.txt"), String.join("\n", names) + "\n\n");

        CifarBinaryDataset train = CifarBinaryDataset.cifar10(dir, "train");

        assertMatches(train, labels);
        assertThat(train.classNames()).isEqualTo(names);
    }

    @Test
    void cifar10TestUsesTestBatchAndDefaultNames() throws IOException {
        writeCifar10Batch("test_batch.bin", TEST_SIZE);

        CifarBinaryDataset test = CifarBinaryDataset.cifar10(dir, "test");

        assertMatches(test, labels);
        assertThat(test.classNames()).isEqualTo(CifarBinaryDataset.CIFAR10_CLASSES);
    }

    @Test
    void concurrentReadsMatchSequentialReads() throws IOException {
        writeCifar10();
        CifarBinaryDataset train = CifarBinaryDataset.cifar10(dir, "train");
        List<byte[]> parallel = IntStream.range(0, 400).parallel()
                .mapToObj(i -> train.get(i % train.size()).image().pixels()).toList();
        for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i)).isEqualTo(images.get(i % train.size()).pixels());
        }
    }

    @Test
    void cifar100FineAndCoarseLabels() throws IOException {
        writeCifar100("train.bin", 4);
        List<String> coarseNames = IntStream.range(0, 20).mapToObj(i -> "super" + i).toList();
        Files.write(dir.resolve("coarse_label_names.txt"), coarseNames);

        CifarBinaryDataset fine = CifarBinaryDataset.cifar100(dir, "train", Cifar100Label.FINE);
        CifarBinaryDataset superclasses = CifarBinaryDataset.cifar100(dir, "train", Cifar100Label.COARSE);

        assertMatches(fine, labels);
        assertMatches(superclasses, coarse);
        assertThat(fine.classNames()).hasSize(100).startsWith("0", "1");
        assertThat(superclasses.classNames()).isEqualTo(coarseNames);
    }

    @Test
    void missingBatchIsNamed() throws IOException {
        writeCifar10();
        Path missing = dir.resolve("data_batch_3.bin");
        Files.delete(missing);
        assertThatThrownBy(() -> CifarBinaryDataset.cifar10(dir, "train"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not found");
    }

    @Test
    void truncatedBatchIsNamed() throws IOException {
        writeCifar10();
        Path cut = dir.resolve("data_batch_2.bin");
        FormatWriters.truncate(cut, Files.size(cut) - 100);
        assertThatThrownBy(() -> CifarBinaryDataset.cifar10(dir, "train"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("truncated")
                .hasMessageContaining("not a multiple of the " + CIFAR10_RECORD + "-byte record");
    }

    @Test
    void cifar100FileWithCifar10RecordsIsAWrongSize() throws IOException {
        // Three CIFAR-10 records (3 × 3073 bytes) are not a whole number of 3074-byte records.
        Path file = writeCifar10Batch("test.bin", 3);
        assertThatThrownBy(() -> CifarBinaryDataset.cifar100(dir, "test", Cifar100Label.FINE))
                .hasMessageContaining(file.toString()).hasMessageContaining("3074-byte record");
    }

    @Test
    void labelOutsideTheClassesIsNamed() throws IOException {
        Path batch = writeCifar10Batch("test_batch.bin", TEST_SIZE);
        byte[] data = Files.readAllBytes(batch);
        data[CIFAR10_RECORD] = 10; // label of record 1
        Files.write(batch, data);
        assertThatThrownBy(() -> CifarBinaryDataset.cifar10(dir, "test"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(batch.toString()).hasMessageContaining("label 10 of record 1")
                .hasMessageContaining("10 classes");
    }

    @Test
    void cifar100FineLabelOutsideTheClassesIsNamed() throws IOException {
        Path file = writeCifar100("test.bin", 2);
        byte[] data = Files.readAllBytes(file);
        data[1] = 100; // fine label of record 0
        Files.write(file, data);
        assertThatThrownBy(() -> CifarBinaryDataset.cifar100(dir, "test", Cifar100Label.FINE))
                .hasMessageContaining(file.toString()).hasMessageContaining("label 100 of record 0");
        // The coarse label of the same record is still valid.
        assertThat(CifarBinaryDataset.cifar100(dir, "test", Cifar100Label.COARSE).label(0)).isEqualTo(coarse.get(0));
    }

    @Test
    void classNameFileWithWrongCountIsNamed() throws IOException {
        writeCifar10Batch("test_batch.bin", TEST_SIZE);
        Path meta = Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\nc\n");
        assertThatThrownBy(() -> CifarBinaryDataset.cifar10(dir, "test"))
                .hasMessageContaining(meta.toString()).hasMessageContaining("lists 3 class names, expected 10");
    }

    @Test
    void emptyBatchIsAnError() throws IOException {
        Path empty = FormatWriters.write(dir.resolve("test_batch.bin"), new byte[0]);
        assertThatThrownBy(() -> CifarBinaryDataset.cifar10(dir, "test"))
                .hasMessageContaining(empty.toString()).hasMessageContaining("empty");
    }

    @Test
    void unknownSplitIsRejected() {
        assertThatThrownBy(() -> CifarBinaryDataset.cifar10(dir, "val"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'val'");
    }
}
