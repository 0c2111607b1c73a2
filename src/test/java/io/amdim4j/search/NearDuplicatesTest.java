package io.amdim4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.report.Embeddings;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearDuplicatesTest {

    @TempDir
    Path tmp;

    @Test
    void findsExactlyThePlantedCopiesOnce() throws Exception {
        int rows = 80;
        int d = 12;
        Random random = new Random(5);
        float[] values = new float[rows * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        int[][] planted = {{3, 50}, {10, 11}, {70, 22}};
        for (int[] p : planted) {
            for (int j = 0; j < d; j++) {
                values[p[1] * d + j] = values[p[0] * d + j] * 1.3f + (float) (0.01 * random.nextGaussian());
            }
        }
        Embeddings e = EmbeddingDirs.write(tmp.resolve("emb"), values, rows, d);
        VectorIndex.build(e, tmp.resolve("index"), HnswSettings.DEFAULTS);
        try (VectorIndex index = VectorIndex.open(tmp.resolve("index"))) {
            List<NearDuplicates.Pair> pairs = NearDuplicates.find(index, 0.99, 5, 100);
            assertThat(pairs).extracting(p -> p.first().row() + "-" + p.second().row())
                    .containsExactlyInAnyOrder("3-50", "10-11", "22-70");
            for (NearDuplicates.Pair p : pairs) {
                assertThat(p.first().row()).isLessThan(p.second().row());
                assertThat(p.cosine()).isGreaterThanOrEqualTo(0.99);
                assertThat(p.first().index()).isEqualTo(100 + p.first().row());
            }
            assertThat(pairs).isSortedAccordingTo((a, b) -> Double.compare(b.cosine(), a.cosine()));
            assertThatThrownBy(() -> NearDuplicates.find(index, 1.5, 5, 100)).hasMessageContaining("--threshold");
        }
    }
}
