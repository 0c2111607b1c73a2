package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.report.Embeddings;
import io.amdim4j.report.EmbeddingIndex;
import io.amdim4j.embed.NpyWriter;
import io.amdim4j.search.HnswSettings;
import io.amdim4j.search.Neighbour;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchmarkTest {

    @TempDir
    Path tmp;

    @Test
    void recallIsTheShareOfTheExactRowsFound() {
        List<Neighbour> truth = List.of(n(1), n(2), n(3), n(4));
        assertThat(SearchBenchmark.recall(truth, List.of(n(2), n(9), n(4), n(8)))).isEqualTo(0.5);
        assertThat(SearchBenchmark.recall(truth, List.of())).isZero();
    }

    @Test
    void drawsDistinctRowsReproducibly() {
        int[] a = SearchBenchmark.drawRows(50, 20, 7);
        assertThat(Arrays.stream(a).distinct().count()).isEqualTo(20);
        assertThat(Arrays.stream(a).allMatch(r -> r >= 0 && r < 50)).isTrue();
        assertThat(SearchBenchmark.drawRows(50, 20, 7)).containsExactly(a);
        assertThat(SearchBenchmark.drawRows(50, 20, 8)).isNotEqualTo(a);
    }

    @Test
    void aGraphThatSeesEveryRowHasFullRecallAndAStarvedOneLess() throws Exception {
        Path emb = tmp.resolve("emb");
        Embeddings e = write(emb, 400, 24);
        SearchBenchmark.Result full = SearchBenchmark.run(e, tmp.resolve("full"), true,
                new SearchBenchmark.Settings(30, 10, 400, 1, 1, HnswSettings.DEFAULTS));
        assertThat(full.recall()).isEqualTo(1.0);
        assertThat(full.rows()).isEqualTo(400);
        assertThat(full.buildSeconds()).isPresent();
        assertThat(full.indexQueriesPerSecond()).isPositive();

        // a graph of two links per node searched with k candidates misses true neighbours of noise vectors
        SearchBenchmark.Result starved = SearchBenchmark.run(e, tmp.resolve("starved"), true,
                new SearchBenchmark.Settings(30, 10, 10, 1, 1, new HnswSettings(2, 2)));
        assertThat(starved.recall()).isLessThan(1.0);
    }

    private static Embeddings write(Path dir, int rows, int d) throws Exception {
        Random random = new Random(3);
        float[] values = new float[rows * d];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(Embeddings.NPY))) {
            NpyWriter npy = new NpyWriter(out, rows, d);
            npy.writeRows(values, rows);
            npy.finish();
        }
        StringBuilder csv = new StringBuilder(EmbeddingIndex.HEADER + "\n");
        for (int r = 0; r < rows; r++) {
            csv.append(r).append(',').append(r).append(",-1,\n");
        }
        Files.writeString(dir.resolve(Embeddings.INDEX_CSV), csv);
        return Embeddings.read(dir);
    }

    private static Neighbour n(int row) {
        return new Neighbour(row, row, -1, "", 0.5);
    }
}
