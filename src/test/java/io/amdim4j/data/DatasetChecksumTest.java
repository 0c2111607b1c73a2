package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetChecksumTest {

    @TempDir
    Path tmp;

    private static byte[] bytes(int n, long seed) {
        byte[] data = new byte[n];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }

    private Path tree(String name, byte[] big) throws IOException {
        Path root = tmp.resolve(name);
        FormatWriters.write(root.resolve("a.bin"), bytes(100, 1));
        FormatWriters.write(root.resolve("sub/b.bin"), big);
        return root;
    }

    @Test
    void dependsOnContentNamesAndSizesNotLocation() throws IOException {
        byte[] big = bytes(3 * DatasetChecksum.SAMPLE_BYTES, 2);
        String original = DatasetChecksum.of(tree("one", big));

        assertThat(original).startsWith("sha256:").hasSize(7 + 64);
        assertThat(DatasetChecksum.of(tree("two", big))).isEqualTo(original);

        byte[] headChanged = big.clone();
        headChanged[10]++;
        assertThat(DatasetChecksum.of(tree("three", headChanged))).isNotEqualTo(original);
        byte[] tailChanged = big.clone();
        tailChanged[big.length - 1]++;
        assertThat(DatasetChecksum.of(tree("four", tailChanged))).isNotEqualTo(original);
        assertThat(DatasetChecksum.of(tree("five", java.util.Arrays.copyOf(big, big.length - 1)))).isNotEqualTo(original);

        Path renamed = tree("six", big);
        Files.move(renamed.resolve("a.bin"), renamed.resolve("c.bin"));
        assertThat(DatasetChecksum.of(renamed)).isNotEqualTo(original);
    }

    @Test
    void middleOfALargeFileIsNotRead() throws IOException {
        // Documented cost bound: only the first and last MiB are hashed.
        byte[] big = bytes(3 * DatasetChecksum.SAMPLE_BYTES, 2);
        String original = DatasetChecksum.of(tree("one", big));
        big[big.length / 2]++;
        assertThat(DatasetChecksum.of(tree("two", big))).isEqualTo(original);
    }

    @Test
    void singleFileIsHashedByNameSizeAndContent() throws IOException {
        Path a = FormatWriters.write(tmp.resolve("x/data.tar.gz"), bytes(500, 3));
        Path b = FormatWriters.write(tmp.resolve("y/data.tar.gz"), bytes(500, 3));
        Path c = FormatWriters.write(tmp.resolve("z/data.tar.gz"), bytes(500, 4));
        assertThat(DatasetChecksum.of(a)).isEqualTo(DatasetChecksum.of(b)).isNotEqualTo(DatasetChecksum.of(c));
    }

    @Test
    void largeFoldersAreHashedByNamesAndSizesOnly() throws IOException {
        Path root = tmp.resolve("many");
        for (int i = 0; i <= DatasetChecksum.MAX_SAMPLED_FILES; i++) {
            FormatWriters.write(root.resolve(i + ".png"), bytes(10, i));
        }
        String before = DatasetChecksum.of(root);
        Files.write(root.resolve("0.png"), bytes(10, 99));
        assertThat(DatasetChecksum.of(root)).isEqualTo(before);
        Files.write(root.resolve("0.png"), bytes(11, 99));
        assertThat(DatasetChecksum.of(root)).isNotEqualTo(before);
    }

    @Test
    void missingPathIsNamed() {
        Path missing = tmp.resolve("missing");
        assertThatThrownBy(() -> DatasetChecksum.of(missing))
                .isInstanceOf(DatasetException.class).hasMessageContaining(missing.toString());
    }
}
