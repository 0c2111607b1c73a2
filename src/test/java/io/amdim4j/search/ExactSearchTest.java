package io.amdim4j.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.report.Embeddings;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactSearchTest {

    @TempDir
    Path tmp;

    @Test
    void returnsTheKRowsOfHighestCosineInOrder() throws Exception {
        Embeddings e = EmbeddingDirs.clustered(tmp, 60, 8, 3);
        float[] query = e.matrix().row(7).clone();
        query[0] += 0.5f;
        List<Neighbour> hits = new ExactSearch(e).search(query, 5);

        List<Integer> expected = IntStream.range(0, 60).boxed()
                .sorted(Comparator.comparingDouble((Integer r) -> -cosine(query, e.matrix().row(r))))
                .limit(5).toList();
        assertThat(hits).extracting(Neighbour::row).containsExactlyElementsOf(expected);
        for (Neighbour h : hits) {
            assertThat(h.cosine()).isCloseTo(cosine(query, e.matrix().row(h.row())), within(1e-6));
            assertThat(h.index()).isEqualTo(100 + h.row());
            assertThat(h.label()).isEqualTo(h.row() % 3);
            assertThat(h.className()).isEqualTo(EmbeddingDirs.CLASSES[h.row() % 3]);
        }
    }

    @Test
    void aScaledCopyOfARowIsItsOwnNearestNeighbourAtCosineOne() throws Exception {
        Embeddings e = EmbeddingDirs.clustered(tmp, 30, 5, 4);
        float[] query = e.matrix().row(11);
        for (int j = 0; j < query.length; j++) {
            query[j] *= 3f;
        }
        Neighbour top = new ExactSearch(e).search(query, 1).get(0);
        assertThat(top.row()).isEqualTo(11);
        assertThat(top.cosine()).isCloseTo(1.0, within(1e-6));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * (double) b[j];
            na += a[j] * (double) a[j];
            nb += b[j] * (double) b[j];
        }
        return dot / Math.sqrt(na * nb);
    }
}
