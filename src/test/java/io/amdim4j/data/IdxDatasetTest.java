package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxDatasetTest {

    private static final int N = 7;
    private static final int ROWS = 3;
    private static final int COLS = 5;

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(11);
    private final List<RawImage> images = new ArrayList<>();
    private final byte[] labels = new byte[N];

    private byte[] imagePayload() {
        byte[] payload = new byte[N * ROWS * COLS];
        for (int i = 0; i < N; i++) {
            RawImage image = FormatWriters.randomImage(random, 1, ROWS, COLS);
            images.add(image);
            System.arraycopy(image.pixels(), 0, payload, i * ROWS * COLS, ROWS * COLS);
            labels[i] = (byte) random.nextInt(IdxDataset.NUM_CLASSES);
        }
        return payload;
    }

    private Path writeImages(String name, boolean gzip) throws IOException {
        byte[] file = FormatWriters.idx(IdxDataset.IMAGES_MAGIC, new int[] {N, ROWS, COLS}, imagePayload());
        return FormatWriters.write(dir.resolve(name), gzip ? FormatWriters.gzip(file) : file);
    }

    private Path writeLabels(String name, boolean gzip, byte[] labelBytes) throws IOException {
        byte[] file = FormatWriters.idx(IdxDataset.LABELS_MAGIC, new int[] {labelBytes.length}, labelBytes);
        return FormatWriters.write(dir.resolve(name), gzip ? FormatWriters.gzip(file) : file);
    }

    private IdxDataset open(Path images, Path labelFile) {
        return IdxDataset.open(images, labelFile, IdxDataset.MNIST_CLASSES, "test");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsBackEveryPixelAndLabel(boolean gzip) throws IOException {
        Path imageFile = writeImages("images", gzip);
        Path labelFile = writeLabels("labels", gzip, labels);

        IdxDataset dataset = open(imageFile, labelFile);

        assertThat(dataset.size()).isEqualTo(N);
        for (int i = 0; i < N; i++) {
            Sample sample = dataset.get(i);
            assertThat(sample.image().channels()).isEqualTo(1);
            assertThat(sample.image().height()).isEqualTo(ROWS);
            assertThat(sample.image().width()).isEqualTo(COLS);
            assertThat(sample.image().pixels()).isEqualTo(images.get(i).pixels());
            assertThat(sample.label()).isEqualTo(labels[i]);
            assertThat(dataset.label(i)).isEqualTo(labels[i]);
        }
        assertThat(dataset.classNames()).isEqualTo(IdxDataset.MNIST_CLASSES);
    }

    @Test
    void samplesAreCopiesThatCallersMayModify() throws IOException {
        IdxDataset dataset = open(writeImages("images", false), writeLabels("labels", false, labels));
        byte before = dataset.get(0).image().pixels()[0];
        dataset.get(0).image().pixels()[0] = (byte) (before + 1);
        assertThat(dataset.get(0).image().pixels()[0]).isEqualTo(before);
    }

    @Test
    void fashionMnistFindsTheStandardFileNamesOfEachSplit() throws IOException {
        writeImages("t10k-images-idx3-ubyte.gz", true);
        writeLabels("t10k-labels-idx1-ubyte.gz", true, labels);

        IdxDataset test = IdxDataset.fashionMnist(dir, "test");

        assertThat(test.size()).isEqualTo(N);
        assertThat(test.get(N - 1).image().pixels()).isEqualTo(images.get(N - 1).pixels());
        assertThat(test.classNames()).isEqualTo(IdxDataset.FASHION_MNIST_CLASSES).hasSize(IdxDataset.NUM_CLASSES);
        assertThat(test.describe()).contains("fashion-mnist test").contains(dir.toString());
    }

    @Test
    void mnistFallsBackToUncompressedNames() throws IOException {
        writeImages("train-images-idx3-ubyte", false);
        writeLabels("train-labels-idx1-ubyte", false, labels);

        assertThat(IdxDataset.mnist(dir, "train").get(2).image().pixels()).isEqualTo(images.get(2).pixels());
    }

    @Test
    void rejectsUnknownSplit() {
        assertThatThrownBy(() -> IdxDataset.mnist(dir, "unlabeled"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("train and test");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path labelFile = writeLabels("labels", false, labels);
        Path missing = dir.resolve("no-such-images");
        assertThatThrownBy(() -> open(missing, labelFile))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not found");
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        Path imageFile = writeImages("images", false);
        Path labelFile = writeLabels("labels", false, labels);
        // Labels where images are expected, and the other way round.
        assertThatThrownBy(() -> open(labelFile, imageFile))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(labelFile.toString())
                .hasMessageContaining("wrong magic number " + IdxDataset.LABELS_MAGIC);
    }

    @Test
    void wrongLabelMagicIsNamed() throws IOException {
        Path imageFile = writeImages("images", false);
        Path badLabels = FormatWriters.write(dir.resolve("labels"),
                FormatWriters.idx(IdxDataset.IMAGES_MAGIC, new int[] {N}, labels));
        assertThatThrownBy(() -> open(imageFile, badLabels))
                .hasMessageContaining(badLabels.toString())
                .hasMessageContaining("wrong magic number " + IdxDataset.IMAGES_MAGIC);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedImageFileIsNamed(boolean gzip) throws IOException {
        byte[] full = FormatWriters.idx(IdxDataset.IMAGES_MAGIC, new int[] {N, ROWS, COLS}, imagePayload());
        byte[] cut = Arrays.copyOf(full, full.length - 4);
        Path imageFile = FormatWriters.write(dir.resolve("images"), gzip ? FormatWriters.gzip(cut) : cut);
        Path labelFile = writeLabels("labels", false, labels);
        assertThatThrownBy(() -> open(imageFile, labelFile))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(imageFile.toString()).hasMessageContaining("truncated");
    }

    @Test
    void gzipStreamCutShortIsTruncated() throws IOException {
        Path imageFile = writeImages("images.gz", true);
        FormatWriters.truncate(imageFile, Files.size(imageFile) / 2);
        Path labelFile = writeLabels("labels", false, labels);
        assertThatThrownBy(() -> open(imageFile, labelFile))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(imageFile.toString()).hasMessageContaining("truncated");
    }

    @Test
    void fileEndingInsideTheHeaderIsTruncated() throws IOException {
        Path imageFile = FormatWriters.write(dir.resolve("images"), new byte[] {0, 0, 8, 3, 0, 0});
        Path labelFile = writeLabels("labels", false, labels);
        assertThatThrownBy(() -> open(imageFile, labelFile))
                .hasMessageContaining(imageFile.toString()).hasMessageContaining("truncated")
                .hasMessageContaining("header");
    }

    @Test
    void bytesAfterThePayloadAreAWrongSize() throws IOException {
        byte[] full = FormatWriters.idx(IdxDataset.IMAGES_MAGIC, new int[] {N, ROWS, COLS}, imagePayload());
        Path imageFile = FormatWriters.write(dir.resolve("images"), Arrays.copyOf(full, full.length + 1));
        Path labelFile = writeLabels("labels", false, labels);
        assertThatThrownBy(() -> open(imageFile, labelFile))
                .hasMessageContaining(imageFile.toString()).hasMessageContaining("wrong size");
    }

    @Test
    void nonPositiveDimensionIsNamed() throws IOException {
        Path imageFile = FormatWriters.write(dir.resolve("images"),
                FormatWriters.idx(IdxDataset.IMAGES_MAGIC, new int[] {N, 0, COLS}, new byte[0]));
        Path labelFile = writeLabels("labels", false, labels);
        assertThatThrownBy(() -> open(imageFile, labelFile))
                .hasMessageContaining(imageFile.toString()).hasMessageContaining("dimension 1 is 0");
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        Path imageFile = writeImages("images", false);
        Path labelFile = writeLabels("labels", false, Arrays.copyOf(labels, N - 1));
        assertThatThrownBy(() -> open(imageFile, labelFile))
                .hasMessageContaining(labelFile.toString()).hasMessageContaining(imageFile.toString())
                .hasMessageContaining((N - 1) + " labels").hasMessageContaining(N + " images");
    }

    @Test
    void labelOutsideTheClassesIsNamed() throws IOException {
        Path imageFile = writeImages("images", false);
        byte[] bad = labels.clone();
        bad[3] = (byte) IdxDataset.NUM_CLASSES;
        Path labelFile = writeLabels("labels", false, bad);
        assertThatThrownBy(() -> open(imageFile, labelFile))
                .hasMessageContaining(labelFile.toString())
                .hasMessageContaining("label " + IdxDataset.NUM_CLASSES + " of item 3");
    }

    @Test
    @Tag("real-data")
    void realFashionMnistWhenInstalled() {
        Path dir = IdxDataset.FASHION_MNIST_DEFAULT_DIR;
        Assumptions.assumeTrue(Files.exists(dir.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
        long start = System.nanoTime();
        IdxDataset train = IdxDataset.fashionMnist(dir, "train");
        IdxDataset test = IdxDataset.fashionMnist(dir, "test");
        System.out.printf("Fashion-MNIST train+test loaded in %.0f ms%n", (System.nanoTime() - start) / 1e6);

        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.get(0).image().height()).isEqualTo(28);
        assertThat(train.get(0).image().width()).isEqualTo(28);
        // The published dataset is balanced: 6000 training and 1000 test images per class.
        int[] trainCounts = new int[IdxDataset.NUM_CLASSES];
        int[] testCounts = new int[IdxDataset.NUM_CLASSES];
        for (int i = 0; i < train.size(); i++) {
            trainCounts[train.label(i)]++;
        }
        for (int i = 0; i < test.size(); i++) {
            testCounts[test.label(i)]++;
        }
        assertThat(trainCounts).containsOnly(6_000);
        assertThat(testCounts).containsOnly(1_000);
    }
}
