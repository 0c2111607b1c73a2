package io.amdim4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.report.Embeddings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorIndexTest {

    @TempDir
    Path tmp;

    @Test
    void searchMatchesExactSearchWhenTheGraphSearchSeesEveryRow() throws Exception {
        Embeddings e = EmbeddingDirs.clustered(tmp.resolve("emb"), 150, 16, 1);
        IndexManifest manifest = VectorIndex.build(e, tmp.resolve("index"), HnswSettings.DEFAULTS);
        assertThat(manifest.rows()).isEqualTo(150);
        assertThat(manifest.dimension()).isEqualTo(16);

        ExactSearch exact = new ExactSearch(e);
        try (VectorIndex index = VectorIndex.open(tmp.resolve("index"))) {
            for (int q : new int[] {0, 41, 149}) {
                float[] query = e.matrix().row(q);
                List<Neighbour> approx = index.search(query, 10, 150);
                List<Neighbour> truth = exact.search(query, 10);
                assertThat(approx).extracting(Neighbour::row).containsExactlyElementsOf(
                        truth.stream().map(Neighbour::row).toList());
                for (int i = 0; i < approx.size(); i++) {
                    assertThat(approx.get(i).cosine()).isCloseTo(truth.get(i).cosine(), within(1e-5));
                    assertThat(approx.get(i)).usingRecursiveComparison().ignoringFields("cosine")
                            .isEqualTo(truth.get(i));
                }
            }
        }
    }

    @Test
    void storesEachRowsVectorAndMetadata() throws Exception {
        Embeddings e = EmbeddingDirs.clustered(tmp.resolve("emb"), 40, 6, 2);
        VectorIndex.build(e, tmp.resolve("index"), new HnswSettings(8, 20));
        try (VectorIndex index = VectorIndex.open(tmp.resolve("index"))) {
            assertThat(index.vector(17)).containsExactly(e.matrix().row(17));
            assertThat(index.describe(4)).isEqualTo(new Neighbour(4, 104, 1, "dog, large", 1.0));
            assertThat(index.manifest().hnsw()).isEqualTo(new HnswSettings(8, 20));
            assertThatThrownBy(() -> index.vector(40)).hasMessageContaining("--row 40").hasMessageContaining("[0, 40)");
        }
    }

    @Test
    void aQueryOfAnotherDimensionIsRefusedNamingBoth() throws Exception {
        Embeddings e = EmbeddingDirs.clustered(tmp.resolve("emb"), 20, 6, 2);
        VectorIndex.build(e, tmp.resolve("index"), HnswSettings.DEFAULTS);
        try (VectorIndex index = VectorIndex.open(tmp.resolve("index"))) {
            assertThatThrownBy(() -> index.search(new float[7], 3, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("7 dimensions").hasMessageContaining("6-dimensional");
        }
    }

    @Test
    void badInputIsNamed() throws Exception {
        Path emb = tmp.resolve("emb");
        float[] values = new float[4 * 3];
        values[0] = 1f;
        values[4] = 1f;
        values[8] = 1f; // row 3 is all zeros
        Embeddings zeros = EmbeddingDirs.write(emb, values, 4, 3);
        assertThatThrownBy(() -> VectorIndex.build(zeros, tmp.resolve("z"), HnswSettings.DEFAULTS))
                .hasMessageContaining("row 3 is all zeros");

        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("x"), "x");
        Embeddings ok = EmbeddingDirs.clustered(tmp.resolve("ok"), 10, 3, 1);
        assertThatThrownBy(() -> VectorIndex.build(ok, busy, HnswSettings.DEFAULTS)).hasMessageContaining("not empty");

        assertThatThrownBy(() -> VectorIndex.open(emb)).isInstanceOf(IOException.class)
                .hasMessageContaining(emb.toString()).hasMessageContaining("index.json");

        Embeddings wide = EmbeddingDirs.write(tmp.resolve("wide"), new float[2 * 1025], 2, 1025);
        assertThatThrownBy(() -> VectorIndex.build(wide, tmp.resolve("w"), HnswSettings.DEFAULTS))
                .hasMessageContaining("1025 dimensions");

        assertThatThrownBy(() -> new HnswSettings(1, 100)).hasMessageContaining("--hnsw-m");
    }

    @Test
    void aManifestThatDisagreesWithTheIndexIsRefused() throws Exception {
        Embeddings e = EmbeddingDirs.clustered(tmp.resolve("emb"), 12, 4, 2);
        Path dir = tmp.resolve("index");
        VectorIndex.build(e, dir, HnswSettings.DEFAULTS);
        Path manifest = dir.resolve(IndexManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"rows\" : 12", "\"rows\" : 13"));
        assertThatThrownBy(() -> VectorIndex.open(dir)).hasMessageContaining("13 rows").hasMessageContaining("12");
    }
}
