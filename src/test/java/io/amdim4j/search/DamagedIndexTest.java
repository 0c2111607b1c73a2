package io.amdim4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.report.Embeddings;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index damaged on disk is refused by name when it is opened (Lucene's checksums), instead of
 * answering wrongly; a failed build leaves nothing that blocks the retry.
 */
class DamagedIndexTest {

    @TempDir
    Path tmp;

    private Embeddings embeddings;
    private Path index;

    @BeforeEach
    void build() throws IOException {
        embeddings = EmbeddingDirs.clustered(tmp.resolve("emb"), 200, 16, 3);
        index = tmp.resolve("index");
        VectorIndex.build(embeddings, index, HnswSettings.DEFAULTS);
    }

    @Test
    void sixteenFlippedBytesInsideTheCompoundFileAreRefusedNamingIt() throws IOException {
        Path compound = only(".cfs");
        long size = Files.size(compound);
        flip(compound, size / 2, 16);
        assertThatThrownBy(() -> VectorIndex.open(index)).isInstanceOf(IOException.class)
                .hasMessageContaining(compound.toString()).hasMessageContaining("checksum")
                .hasMessageContaining("amdim index");
    }

    @Test
    void everyFileOfTheCommitIsVerified() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(index)) {
            files = all.filter(p -> !p.getFileName().toString().equals(IndexManifest.FILE)
                    && !p.getFileName().toString().equals("write.lock")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] before = Files.readAllBytes(file);
            flip(file, before.length / 2, 1);
            assertThatThrownBy(() -> VectorIndex.open(index)).as(file.toString()).isInstanceOf(IOException.class)
                    .hasMessageContaining(file.getFileName().toString());
            Files.write(file, before);
        }
        try (VectorIndex intact = VectorIndex.open(index)) {
            assertThat(intact.search(embeddings.matrix().row(5), 1, 10).get(0).row()).isEqualTo(5);
        }
    }

    @Test
    void aTruncatedManifestIsNamedWithoutJacksonsInternals() throws IOException {
        Path manifest = index.resolve(IndexManifest.FILE);
        byte[] text = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(text, text.length / 2));
        assertThatThrownBy(() -> VectorIndex.open(index)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(manifest.toString()).hasMessageNotContaining("Source:")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingSegmentsFileIsNamedWithoutLucenesObjectNames() throws IOException {
        Files.delete(only("segments_"));
        assertThatThrownBy(() -> VectorIndex.open(index)).isInstanceOf(IOException.class)
                .hasMessageContaining(index.toString()).hasMessageContaining("segments")
                .hasMessageNotContaining("Directory@").hasMessageNotContaining("lockFactory");
    }

    @Test
    void aFailedBuildLeavesNothingAndTheRetrySucceeds() throws IOException {
        Path out = tmp.resolve("retry");
        float[] values = new float[50 * 4];
        for (int i = 0; i < 49 * 4; i++) {
            values[i] = 1 + i % 7;
        }
        Embeddings withZeroRow = EmbeddingDirs.write(tmp.resolve("zero"), values, 50, 4); // the last row is all zeros
        assertThatThrownBy(() -> VectorIndex.build(withZeroRow, out, HnswSettings.DEFAULTS))
                .hasMessageContaining("row 49 is all zeros");
        assertThat(out).doesNotExist();

        Files.createDirectories(out); // an empty directory given by the user stays, empty
        assertThatThrownBy(() -> VectorIndex.build(withZeroRow, out, HnswSettings.DEFAULTS));
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
        assertThat(VectorIndex.build(embeddings, out, HnswSettings.DEFAULTS).rows()).isEqualTo(200);
    }

    private Path only(String prefixOrSuffix) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(prefixOrSuffix)
                    || p.getFileName().toString().startsWith(prefixOrSuffix)).toList();
            assertThat(found).as(prefixOrSuffix).hasSize(1);
            return found.get(0);
        }
    }

    private static void flip(Path file, long at, int bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (int i = 0; i < bytes; i++) {
                raf.seek(at + i);
                int b = raf.read();
                raf.seek(at + i);
                raf.write(b ^ 0xFF);
            }
        }
    }
}
