package io.amdim4j.bench;

import io.amdim4j.report.Embeddings;
import io.amdim4j.run.Median;
import io.amdim4j.search.ExactSearch;
import io.amdim4j.search.HnswSettings;
import io.amdim4j.search.Neighbour;
import io.amdim4j.search.VectorIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

/**
 * Recall@k and queries per second of the HNSW index against exact brute-force search, with rows of
 * the embeddings as queries. Each query's own row is left out of both result lists, so a query is
 * answered from the other rows, as a held-out image would be.
 */
public final class SearchBenchmark {

    /**
     * What to measure.
     *
     * @param queries how many rows to query (drawn without replacement)
     * @param k results per query
     * @param candidates efSearch of the graph search
     * @param repeats timed passes over the queries; the median rate is reported
     * @param seed which rows are drawn
     * @param hnsw graph parameters, when the index is built here
     */
    public record Settings(int queries, int k, int candidates, int repeats, long seed, HnswSettings hnsw) {
        public Settings {
            if (queries < 1 || k < 1 || repeats < 1) {
                throw new IllegalArgumentException("--queries, -k and --repeats must be at least 1");
            }
        }
    }

    /**
     * The figures.
     *
     * @param rows vectors in the index
     * @param dimension their length
     * @param buildSeconds time to build the index, or empty when an existing one was opened
     * @param recall mean fraction of the exact top k that the index returned
     * @param indexQueriesPerSecond median rate of the index
     * @param exactQueriesPerSecond median rate of brute force over every row
     * @param peakRssMb peak resident memory of this process
     */
    public record Result(Settings settings, int rows, int dimension, OptionalDouble buildSeconds, double recall,
            double indexQueriesPerSecond, double exactQueriesPerSecond, OptionalDouble peakRssMb) {}

    private SearchBenchmark() {
    }

    /**
     * Measures an index of {@code embeddings}: the one in {@code indexDir} if it holds one, else a
     * new one built there (timed).
     */
    public static Result run(Embeddings embeddings, Path indexDir, boolean build, Settings settings)
            throws IOException {
        OptionalDouble buildSeconds = OptionalDouble.empty();
        if (build) {
            long start = System.nanoTime();
            VectorIndex.build(embeddings, indexDir, settings.hnsw());
            buildSeconds = OptionalDouble.of((System.nanoTime() - start) / 1e9);
        }
        int rows = embeddings.matrix().rows();
        int[] queryRows = drawRows(rows, Math.min(settings.queries(), rows), settings.seed());
        ExactSearch exact = new ExactSearch(embeddings);
        try (VectorIndex index = VectorIndex.open(indexDir)) {
            if (index.manifest().rows() != rows || index.manifest().dimension() != embeddings.matrix().dimension()) {
                throw new IllegalArgumentException(indexDir + " indexes " + index.manifest().rows() + "×"
                        + index.manifest().dimension() + " vectors, not these " + rows + "×"
                        + embeddings.matrix().dimension() + " embeddings");
            }
            List<List<Neighbour>> truth = new ArrayList<>();
            double[] exactRates = new double[settings.repeats()];
            double[] indexRates = new double[settings.repeats()];
            double recall = 0;
            for (int pass = 0; pass < settings.repeats(); pass++) {
                long start = System.nanoTime();
                for (int q : queryRows) {
                    List<Neighbour> found = exact.search(embeddings.matrix().row(q), settings.k() + 1);
                    if (pass == 0) {
                        truth.add(withoutRow(found, q, settings.k()));
                    }
                }
                exactRates[pass] = queryRows.length / ((System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                double passRecall = 0;
                for (int i = 0; i < queryRows.length; i++) {
                    int q = queryRows[i];
                    List<Neighbour> found = index.search(embeddings.matrix().row(q), settings.k() + 1,
                            settings.candidates());
                    passRecall += recall(truth.get(i), withoutRow(found, q, settings.k()));
                }
                indexRates[pass] = queryRows.length / ((System.nanoTime() - start) / 1e9);
                recall = passRecall / queryRows.length;
            }
            return new Result(settings, rows, embeddings.matrix().dimension(), buildSeconds, recall,
                    Median.of(indexRates), Median.of(exactRates),
                    HostStats.peakResidentMb());
        }
    }

    /** Fraction of {@code truth}'s rows that {@code found} contains. */
    static double recall(List<Neighbour> truth, List<Neighbour> found) {
        Set<Integer> wanted = new HashSet<>();
        truth.forEach(n -> wanted.add(n.row()));
        long hit = found.stream().filter(n -> wanted.contains(n.row())).count();
        return truth.isEmpty() ? 1.0 : (double) hit / truth.size();
    }

    private static List<Neighbour> withoutRow(List<Neighbour> hits, int row, int k) {
        return hits.stream().filter(n -> n.row() != row).limit(k).toList();
    }

    /** {@code n} distinct rows of {@code [0, rows)}, in a seeded random order. */
    static int[] drawRows(int rows, int n, long seed) {
        int[] all = new int[rows];
        Arrays.setAll(all, i -> i);
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(rows - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, n);
    }
}
