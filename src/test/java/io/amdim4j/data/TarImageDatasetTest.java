package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarImageDatasetTest {

    /** 50 real CIFAR-10 JPEGs in the layout of the full archive (README.md beside it). */
    private static final String SAMPLE = "/datasets/cifar10-jpg-sample.tar.gz";

    /** Names the full CIFAR-10 JPEG archive, to check all of it too. */
    private static final String FULL_ARCHIVE_VARIABLE = "AMDIM_CIFAR10_JPG_TAR";

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(6);
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, RawImage> images = new LinkedHashMap<>();

    private void image(String name) throws IOException {
        RawImage image = FormatWriters.randomImage(random, 3, 4, 5);
        images.put(name, image);
        entries.put(name, FormatWriters.encode(image, "png"));
    }

    /** The layout of cifar10-jpg.tar.gz in miniature, entries deliberately out of order. */
    private void cifarLikeLayout() throws IOException {
        entries.put("top/", new byte[0]);
        entries.put("top/train/", new byte[0]);
        entries.put("top/train/truck/", new byte[0]);
        image("top/train/truck/0001.png");
        image("top/train/truck/0000.png");
        entries.put("top/train/airplane/", new byte[0]);
        image("top/train/airplane/0000.png");
        image("top/test/airplane/0000.png");
        image("top/test/truck/0000.png");
        entries.put("top/train/readme.txt", "not an image".getBytes());
        image("top/train/truck/._0000.png"); // macOS resource fork: hidden, ignored
    }

    private void assertSplit(TarImageDataset dataset, List<String> order, List<Integer> labels) {
        assertThat(dataset.size()).isEqualTo(order.size());
        for (int i = 0; i < order.size(); i++) {
            Sample sample = dataset.get(i);
            assertThat(sample.image()).as(order.get(i)).usingRecursiveComparison().isEqualTo(images.get(order.get(i)));
            assertThat(sample.label()).isEqualTo(labels.get(i));
            assertThat(dataset.label(i)).isEqualTo(labels.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void findsTheSplitUnderTheSingleTopFolder(boolean gzip) throws IOException {
        cifarLikeLayout();
        Path archive = FormatWriters.tar(dir.resolve(gzip ? "d.tar.gz" : "d.tar"), entries, gzip);

        TarImageDataset train = TarImageDataset.labelled(archive, "train", ImageDecoder.rgb());
        TarImageDataset test = TarImageDataset.labelled(archive, "test", ImageDecoder.rgb());

        assertThat(train.classNames()).containsExactly("airplane", "truck");
        assertSplit(train, List.of("top/train/airplane/0000.png", "top/train/truck/0000.png", "top/train/truck/0001.png"),
                List.of(0, 1, 1));
        assertSplit(test, List.of("top/test/airplane/0000.png", "top/test/truck/0000.png"), List.of(0, 1));
        assertThat(train.describe()).contains("top/train/").contains(archive.toString());
    }

    @Test
    void compressionIsDetectedFromContentNotName() throws IOException {
        cifarLikeLayout();
        Path plainNamedTgz = FormatWriters.tar(dir.resolve("plain.tgz"), entries, false);
        Path gzipNamedTar = FormatWriters.tar(dir.resolve("gz.tar"), entries, true);
        assertThat(TarImageDataset.labelled(plainNamedTgz, "test", ImageDecoder.rgb()).size()).isEqualTo(2);
        assertThat(TarImageDataset.labelled(gzipNamedTar, "test", ImageDecoder.rgb()).size()).isEqualTo(2);
    }

    @Test
    void splitAtTheArchiveRootAndUnlabelledLayout() throws IOException {
        image("./train/cat/1.png");
        image("unlabeled/b.png");
        image("unlabeled/a.png");
        Path archive = FormatWriters.tar(dir.resolve("r.tar.gz"), entries, true);

        TarImageDataset train = TarImageDataset.labelled(archive, "train", ImageDecoder.rgb());
        TarImageDataset unlabelled = TarImageDataset.unlabelled(archive, "unlabeled", ImageDecoder.rgb());

        assertSplit(train, List.of("./train/cat/1.png"), List.of(0));
        assertThat(unlabelled.classNames()).isEmpty();
        assertSplit(unlabelled, List.of("unlabeled/a.png", "unlabeled/b.png"), List.of(-1, -1));
    }

    @Test
    void concurrentReadsMatchSequentialReads() throws IOException {
        for (int i = 0; i < 20; i++) {
            image("train/c" + (i % 3) + "/" + i + ".png");
        }
        Path archive = FormatWriters.tar(dir.resolve("c.tar.gz"), entries, true);
        TarImageDataset train = TarImageDataset.labelled(archive, "train", ImageDecoder.rgb());
        List<byte[]> sequential = IntStream.range(0, train.size()).mapToObj(i -> train.get(i).image().pixels()).toList();
        List<byte[]> parallel = IntStream.range(0, 200).parallel()
                .mapToObj(i -> train.get(i % train.size()).image().pixels()).toList();
        for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i)).isEqualTo(sequential.get(i % train.size()));
        }
    }

    @Test
    void missingArchiveIsNamed() {
        Path missing = dir.resolve("none.tar.gz");
        assertThatThrownBy(() -> TarImageDataset.labelled(missing, "train", ImageDecoder.rgb()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"top/train/../../evil.png", "../x/train/cat/a.png", "top/train/cat/..\\..\\a.png"})
    void dotDotEntryIsRejected(String name) throws IOException {
        cifarLikeLayout();
        entries.put(name, new byte[] {1});
        Path archive = FormatWriters.tar(dir.resolve("evil.tar.gz"), entries, true);
        assertThatThrownBy(() -> TarImageDataset.labelled(archive, "train", ImageDecoder.rgb()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(archive.toString()).hasMessageContaining("'" + name + "'")
                .hasMessageContaining("'..'");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void absoluteEntryIsRejected(boolean gzip) throws IOException {
        cifarLikeLayout();
        entries.put("/etc/train/cat/a.png", new byte[] {1});
        Path archive = FormatWriters.tar(dir.resolve("abs.tar"), entries, gzip);
        assertThatThrownBy(() -> TarImageDataset.labelled(archive, "train", ImageDecoder.rgb()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(archive.toString()).hasMessageContaining("'/etc/train/cat/a.png'")
                .hasMessageContaining("absolute path");
    }

    @Test
    void truncatedTarGzIsAnErrorNotAShortDataset() throws IOException {
        cifarLikeLayout();
        Path archive = FormatWriters.tar(dir.resolve("cut.tar.gz"), entries, true);
        long full = Files.size(archive);
        for (long keep : new long[] {full / 2, full - 4}) {
            Path cut = dir.resolve("cut-" + keep + ".tar.gz");
            Files.write(cut, Arrays.copyOf(Files.readAllBytes(archive), (int) keep));
            assertThatThrownBy(() -> TarImageDataset.labelled(cut, "train", ImageDecoder.rgb()))
                    .as("cut to %d of %d bytes", keep, full)
                    .isInstanceOf(DatasetException.class)
                    .hasMessageContaining(cut.toString()).hasMessageContaining("truncated");
        }
    }

    @Test
    void truncatedPlainTarIsAnError() throws IOException {
        cifarLikeLayout();
        Path archive = FormatWriters.tar(dir.resolve("cut.tar"), entries, false);
        // Cut inside the data of the first image entry (after two 512-byte directory headers and its own header).
        FormatWriters.truncate(archive, 3 * 512 + 512 + 10);
        assertThatThrownBy(() -> TarImageDataset.labelled(archive, "train", ImageDecoder.rgb()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(archive.toString()).hasMessageContaining("truncated");
    }

    @Test
    void emptyClassFolderIsNamed() throws IOException {
        cifarLikeLayout();
        entries.put("top/train/cat/", new byte[0]);
        Path archive = FormatWriters.tar(dir.resolve("e.tar"), entries, false);
        assertThatThrownBy(() -> TarImageDataset.labelled(archive, "train", ImageDecoder.rgb()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(archive.toString()).hasMessageContaining("'top/train/cat/'")
                .hasMessageContaining("no .jpg, .jpeg or .png");
    }

    @Test
    void missingSplitIsNamed() throws IOException {
        cifarLikeLayout();
        Path archive = FormatWriters.tar(dir.resolve("m.tar.gz"), entries, true);
        assertThatThrownBy(() -> TarImageDataset.labelled(archive, "val", ImageDecoder.rgb()))
                .hasMessageContaining(archive.toString()).hasMessageContaining("no folder 'val/'");
    }

    @Test
    void splitUnderTwoTopFoldersIsAmbiguous() throws IOException {
        image("a/train/cat/1.png");
        image("b/train/cat/1.png");
        Path archive = FormatWriters.tar(dir.resolve("two.tar.gz"), entries, true);
        assertThatThrownBy(() -> TarImageDataset.labelled(archive, "train", ImageDecoder.rgb()))
                .hasMessageContaining(archive.toString()).hasMessageContaining("ambiguous")
                .hasMessageContaining("a/train/").hasMessageContaining("b/train/");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void undecodableEntryNamesArchiveAndEntry(boolean gzip) throws IOException {
        image("train/cat/0.png");
        entries.put("train/cat/1.jpg", "garbage, not a JPEG".getBytes());
        Path archive = FormatWriters.tar(dir.resolve("bad.tar"), entries, gzip);
        TarImageDataset dataset = TarImageDataset.labelled(archive, "train", ImageDecoder.rgb());
        assertThat(dataset.get(0).image().width()).isEqualTo(5);
        assertThatThrownBy(() -> dataset.get(1))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(archive.toString()).hasMessageContaining("'train/cat/1.jpg'")
                .hasMessageContaining("not a decodable image");
    }

    @Test
    void realCifar10JpegSample() throws URISyntaxException {
        Path sample = Path.of(TarImageDatasetTest.class.getResource(SAMPLE).toURI());
        assertCifar10(TarImageDataset.labelled(sample, "train", ImageDecoder.rgb()), 3, 1);
        assertCifar10(TarImageDataset.labelled(sample, "test", ImageDecoder.rgb()), 2, 1);
    }

    /** Runs when {@value #FULL_ARCHIVE_VARIABLE} names the full archive; tagged so a quick build can exclude it. */
    @Test
    @Tag("real-data")
    void fullCifar10JpegArchive() {
        String archive = System.getenv(FULL_ARCHIVE_VARIABLE);
        Assumptions.assumeTrue(archive != null && !archive.isBlank(), FULL_ARCHIVE_VARIABLE + " is not set");
        assertCifar10(TarImageDataset.labelled(Path.of(archive), "test", ImageDecoder.rgb()), 1_000, 97);
    }

    /** Ten CIFAR-10 classes of {@code perClass} images each; every {@code stride}-th image decodes to 3×32×32. */
    private static void assertCifar10(TarImageDataset split, int perClass, int stride) {
        assertThat(split.classNames()).isEqualTo(CifarBinaryDataset.CIFAR10_CLASSES);
        assertThat(split.size()).isEqualTo(10 * perClass);
        int[] counts = new int[10];
        for (int i = 0; i < split.size(); i++) {
            counts[split.label(i)]++;
        }
        assertThat(counts).containsOnly(perClass);
        for (int i = 0; i < split.size(); i += stride) {
            RawImage image = split.get(i).image();
            assertThat(image.channels()).isEqualTo(3);
            assertThat(image.height()).isEqualTo(32);
            assertThat(image.width()).isEqualTo(32);
            byte[] pixels = image.pixels();
            assertThat(IntStream.range(0, pixels.length).map(p -> pixels[p]).distinct().count())
                    .as("distinct pixel values of a real photo, image %d", i).isGreaterThan(16);
        }
    }
}
