package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.data.DatasetSpec.Scheme;
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
    void parsesEverySchemeAndPath() {
        assertThat(DatasetSpec.parse("fashion-mnist"))
                .isEqualTo(new DatasetSpec(Scheme.FASHION_MNIST, IdxDataset.FASHION_MNIST_DEFAULT_DIR));
        assertThat(DatasetSpec.parse("fashion-mnist:/x/y").path()).isEqualTo(Path.of("/x/y"));
        for (Scheme scheme : Scheme.values()) {
            DatasetSpec spec = DatasetSpec.parse(scheme.cliName() + ":/data/a:b");
            assertThat(spec.scheme()).isEqualTo(scheme);
            assertThat(spec.path()).isEqualTo(Path.of("/data/a:b"));
            assertThat(DatasetSpec.parse(spec.toString())).isEqualTo(spec);
        }
    }

    @Test
    void unknownSchemeListsTheKnownOnes() {
        assertThatThrownBy(() -> DatasetSpec.parse("svhn:/data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'svhn'").hasMessageContaining("cifar10").hasMessageContaining("tar");
    }

    @Test
    void schemeWithoutPathIsRejected() {
        assertThatThrownBy(() -> DatasetSpec.parse("cifar10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a path");
        assertThatThrownBy(() -> DatasetSpec.parse("stl10:  ")).hasMessageContaining("needs a path");
    }

    @Test
    void missingPathIsNamedOnOpen() {
        Path missing = tmp.resolve("nothing-here");
        assertThatThrownBy(() -> DatasetSpec.parse("cifar10:" + missing).open("train"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("not found");
    }

    @Test
    void cifar10AcceptsTheParentOfItsFolder() throws IOException {
        RawImage image = FormatWriters.randomImage(random, 3, 32, 32);
        FormatWriters.write(tmp.resolve("cifar-10-batches-bin/test_batch.bin"),
                FormatWriters.cifarRecord(new byte[] {4}, image));

        ImageDataset test = DatasetSpec.parse("cifar10:" + tmp).open("test");

        assertThat(test.get(0).image().pixels()).isEqualTo(image.pixels());
        assertThat(test.get(0).label()).isEqualTo(4);
    }

    @Test
    void cifar100CoarseSchemeUsesCoarseLabels() throws IOException {
        FormatWriters.write(tmp.resolve("test.bin"),
                FormatWriters.cifarRecord(new byte[] {7, 77}, FormatWriters.randomImage(random, 3, 32, 32)));
        assertThat(DatasetSpec.parse("cifar100:" + tmp).open("test").label(0)).isEqualTo(77);
        assertThat(DatasetSpec.parse("cifar100-coarse:" + tmp).open("test").label(0)).isEqualTo(7);
    }

    @Test
    void folderSplitsAreSubfoldersAndPlusConcatenates() throws IOException {
        for (String name : List.of("train/cat/1.png", "train/dog/1.png", "unlabeled/u.png", "val/cat/2.png")) {
            FormatWriters.write(tmp.resolve(name), FormatWriters.encode(FormatWriters.randomImage(random, 3, 2, 2), "png"));
        }
        DatasetSpec spec = DatasetSpec.parse("folder:" + tmp);

        ImageDataset both = spec.open("train+unlabeled");

        assertThat(both.size()).isEqualTo(3);
        assertThat(both.classNames()).containsExactly("cat", "dog");
        assertThat(both.label(1)).isEqualTo(1);
        assertThat(both.label(2)).isEqualTo(Sample.UNLABELLED);
        assertThat(spec.open("val").size()).isEqualTo(1);
        assertThatThrownBy(() -> spec.open("test"))
                .isInstanceOf(DatasetException.class).hasMessageContaining(tmp.resolve("test").toString());
    }

    @Test
    void tarSchemeOpensArchiveSplits() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("d/test/cat/1.png", FormatWriters.encode(FormatWriters.randomImage(random, 3, 2, 2), "png"));
        Path archive = FormatWriters.tar(tmp.resolve("d.tar.gz"), entries, true);
        ImageDataset test = DatasetSpec.parse("tar:" + archive).open("test");
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.classNames()).containsExactly("cat");
    }

    @Test
    void defaultTrainSplitFollowsTheSpec() {
        assertThat(DatasetSpec.parse("stl10:/x").defaultTrainSplit()).isEqualTo("train+unlabeled");
        assertThat(DatasetSpec.parse("cifar10:/x").defaultTrainSplit()).isEqualTo("train");
    }

    @Test
    void checksumOfTheDatasetPath() throws IOException {
        FormatWriters.write(tmp.resolve("test_batch.bin"), new byte[] {1, 2, 3});
        assertThat(DatasetSpec.parse("cifar10:" + tmp).checksum()).isEqualTo(DatasetChecksum.of(tmp));
    }
}
