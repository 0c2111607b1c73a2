package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSpecTest {

    @TempDir
    Path tmp;

    private final SplittableRandom random = new SplittableRandom(12);

    @Test
    void parsesEveryFormatAndPath() {
        assertThat(DatasetSpec.parse("fashion-mnist"))
                .isEqualTo(new DatasetSpec(DatasetFormat.FASHION_MNIST, IdxDataset.FASHION_MNIST_DEFAULT_DIR));
        assertThat(DatasetSpec.parse("fashion-mnist:/x/y").path()).isEqualTo(Path.of("/x/y"));
        for (DatasetFormat format : DatasetFormat.values()) {
            DatasetSpec spec = DatasetSpec.parse(format.cliName() + ":/data/a:b");
            assertThat(spec.format()).isEqualTo(format);
            assertThat(spec.path()).isEqualTo(Path.of("/data/a:b"));
            assertThat(DatasetSpec.parse(spec.toString())).isEqualTo(spec);
        }
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        assertThatThrownBy(() -> DatasetSpec.parse("svhn:/data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'svhn'").hasMessageContaining("cifar10").hasMessageContaining("tar");
    }

    @Test
    void formatWithoutPathIsRejected() {
        assertThatThrownBy(() -> DatasetSpec.parse("cifar10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a path");
        assertThatThrownBy(() -> DatasetSpec.parse("stl10:  ")).hasMessageContaining("needs a path");
    }

    @Test
    void missingPathIsNamedOnOpen() {
        Path missing = tmp.resolve("nothing-here");
        assertThatThrownBy(() -> DatasetSpec.parse("cifar10:" + missing).open(Split.parse("train")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not found");
    }

    @Test
    void cifar10AcceptsTheParentOfItsFolder() throws IOException {
        RawImage image = FormatWriters.randomImage(random, 3, 32, 32);
        FormatWriters.write(tmp.resolve("cifar-10-batches-bin/test_batch.bin"),
                FormatWriters.cifarRecord(new byte[] {4}, image));

        ImageDataset test = DatasetSpec.parse("cifar10:" + tmp).open(Split.parse("test"));

        assertThat(test.get(0).image().pixels()).isEqualTo(image.pixels());
        assertThat(test.get(0).label()).isEqualTo(4);
    }

    @Test
    void cifar100CoarseFormatUsesCoarseLabels() throws IOException {
        FormatWriters.write(tmp.resolve("test.bin"),
                FormatWriters.cifarRecord(new byte[] {7, 77}, FormatWriters.randomImage(random, 3, 32, 32)));
        assertThat(DatasetSpec.parse("cifar100:" + tmp).open(Split.parse("test")).label(0)).isEqualTo(77);
        assertThat(DatasetSpec.parse("cifar100-coarse:" + tmp).open(Split.parse("test")).label(0)).isEqualTo(7);
    }

    @Test
    void folderSplitsAreSubfoldersAndPlusConcatenates() throws IOException {
        for (String name : List.of("train/cat/1.png", "train/dog/1.png", "unlabeled/u.png", "val/cat/2.png")) {
            FormatWriters.write(tmp.resolve(name), FormatWriters.encode(FormatWriters.randomImage(random, 3, 2, 2), "png"));
        }
        DatasetSpec spec = DatasetSpec.parse("folder:" + tmp);

        ImageDataset both = spec.open(Split.parse("train+unlabeled"));

        assertThat(both.size()).isEqualTo(3);
        assertThat(both.classNames()).containsExactly("cat", "dog");
        assertThat(both.label(1)).isEqualTo(1);
        assertThat(both.label(2)).isEqualTo(Sample.UNLABELLED);
        assertThat(spec.open(Split.parse("val")).size()).isEqualTo(1);
        assertThatThrownBy(() -> spec.open(Split.parse("test")))
                .isInstanceOf(DatasetException.class).hasMessageContaining(tmp.resolve("test").toString());
    }

    @Test
    void tarFormatOpensArchiveSplits() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("d/test/cat/1.png", FormatWriters.encode(FormatWriters.randomImage(random, 3, 2, 2), "png"));
        Path archive = FormatWriters.tar(tmp.resolve("d.tar.gz"), entries, true);
        ImageDataset test = DatasetSpec.parse("tar:" + archive).open(Split.parse("test"));
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.classNames()).containsExactly("cat");
    }

    @Test
    void theTextNamesTheDefaultPathByTheFormatAlone() {
        assertThat(DatasetSpec.parse("fashion-mnist").toString()).isEqualTo("fashion-mnist");
        assertThat(DatasetSpec.parse("fashion-mnist:" + IdxDataset.FASHION_MNIST_DEFAULT_DIR).toString())
                .isEqualTo("fashion-mnist");
        assertThat(DatasetSpec.parse("fashion-mnist:/x").toString()).isEqualTo("fashion-mnist:/x");
        assertThatThrownBy(() -> DatasetSpec.atDefaultPath(DatasetFormat.CIFAR10)).hasMessageContaining("needs a path");
    }

    @Test
    void checksumOfTheDatasetPath() throws IOException {
        FormatWriters.write(tmp.resolve("test_batch.bin"), new byte[] {1, 2, 3});
        assertThat(DatasetSpec.parse("cifar10:" + tmp).checksum()).isEqualTo(DatasetChecksum.of(tmp));
    }
}
