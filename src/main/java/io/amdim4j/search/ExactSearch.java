package io.amdim4j.search;

import io.amdim4j.report.EmbeddingIndex;
import io.amdim4j.report.Embeddings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Brute-force cosine search over every row: the ground truth that {@link VectorIndex}'s recall is
 * measured against. Rows are normalised once, so a query costs one dot product per row.
 */
public final class ExactSearch {

    private final Embeddings embeddings;
    private final float[] unitRows;
    private final int d;

    /**
     * Normalises every row once; the embeddings are read, not copied, apart from that unit copy.
     *
     * @param embeddings an export of {@code amdim embed} (matrix and index)
     */
    public ExactSearch(Embeddings embeddings) {
        this.embeddings = embeddings;
        this.d = embeddings.matrix().dimension();
        float[] values = embeddings.matrix().values();
        this.unitRows = new float[values.length];
        for (int r = 0; r < embeddings.matrix().rows(); r++) {
            double norm = Math.sqrt(dot(values, r * d, values, r * d, d));
            for (int j = 0; j < d; j++) {
                unitRows[r * d + j] = norm == 0 ? 0f : (float) (values[r * d + j] / norm);
            }
        }
    }

    /**
     * The {@code k} rows most similar to {@code query}, most similar first (ties: lower row first).
     *
     * @param query a vector of the rows' dimension; a zero vector scores 0 against every row
     * @param k how many rows, at most all of them
     * @return the rows with their cosine similarity
     * @throws IllegalArgumentException if the query's dimension differs from the rows'
     */
    public List<Neighbour> search(float[] query, int k) {
        if (query.length != d) {
            throw new IllegalArgumentException("the query has " + query.length + " dimensions, the rows " + d);
        }
        double queryNorm = Math.sqrt(dot(query, 0, query, 0, d));
        Comparator<Scored> worstFirst = Comparator.comparingDouble(Scored::cosine)
                .thenComparing(Comparator.comparingInt(Scored::row).reversed());
        PriorityQueue<Scored> best = new PriorityQueue<>(worstFirst);
        for (int r = 0; r < embeddings.matrix().rows(); r++) {
            double cosine = queryNorm == 0 ? 0 : dot(query, 0, unitRows, r * d, d) / queryNorm;
            best.add(new Scored(r, cosine));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Scored> ordered = new ArrayList<>(best);
        ordered.sort(worstFirst.reversed());
        List<EmbeddingIndex.Entry> entries = embeddings.index().entries();
        List<Neighbour> hits = new ArrayList<>(ordered.size());
        for (Scored s : ordered) {
            EmbeddingIndex.Entry e = entries.get(s.row());
            hits.add(new Neighbour(s.row(), e.index(), e.label(), e.className(), s.cosine()));
        }
        return hits;
    }

    private static double dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += (double) a[aFrom + j] * b[bFrom + j];
        }
        return sum;
    }

    private record Scored(int row, double cosine) {}
}
