package io.amdim4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact nearest neighbours of a row among all other rows by cosine similarity
 * x·y / (‖x‖‖y‖). The NCE scores of spec §3.2 are dot products of r1 with other embeddings;
 * dividing by the norms keeps a few long vectors from being everybody's neighbour. One pass over
 * the matrix per query, so the handful of gallery queries needs no index. A zero row has
 * similarity 0 to everything.
 */
final class CosineNeighbours {

    /**
     * One neighbour.
     *
     * @param row matrix row
     * @param similarity cosine similarity to the query, in [−1, 1]
     */
    public record Neighbour(int row, double similarity) {}

    /** Higher similarity first; among equals, the lower row, so results are deterministic. */
    private static final Comparator<Neighbour> BEST_FIRST =
            Comparator.comparingDouble(Neighbour::similarity).reversed().thenComparingInt(Neighbour::row);

    private final EmbeddingMatrix matrix;
    private final double[] inverseNorms;

    public CosineNeighbours(EmbeddingMatrix matrix) {
        this.matrix = matrix;
        int d = matrix.dimension();
        float[] v = matrix.values();
        this.inverseNorms = new double[matrix.rows()];
        for (int r = 0; r < matrix.rows(); r++) {
            double s = 0;
            for (int c = 0, o = r * d; c < d; c++, o++) {
                s += (double) v[o] * v[o];
            }
            inverseNorms[r] = s > 0 ? 1 / Math.sqrt(s) : 0;
        }
    }

    /** Cosine similarity of rows {@code a} and {@code b}. */
    public double similarity(int a, int b) {
        int d = matrix.dimension();
        float[] v = matrix.values();
        double s = 0;
        for (int c = 0, oa = a * d, ob = b * d; c < d; c++) {
            s += (double) v[oa + c] * v[ob + c];
        }
        return s * inverseNorms[a] * inverseNorms[b];
    }

    /**
     * The {@code k} rows most similar to row {@code query}, excluding the query itself, best first.
     *
     * @throws IllegalArgumentException if the query is out of range or k is negative
     */
    public List<Neighbour> nearest(int query, int k) {
        if (query < 0 || query >= matrix.rows()) {
            throw new IllegalArgumentException("query row " + query + " is outside [0, " + matrix.rows() + ")");
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        // a min-heap of the best k so far: its head is the worst one kept
        PriorityQueue<Neighbour> kept = new PriorityQueue<>(Math.max(1, k), BEST_FIRST.reversed());
        for (int r = 0; r < matrix.rows(); r++) {
            if (r == query || k == 0) {
                continue;
            }
            Neighbour candidate = new Neighbour(r, similarity(query, r));
            if (kept.size() < k) {
                kept.add(candidate);
            } else if (BEST_FIRST.compare(candidate, kept.peek()) < 0) {
                kept.poll();
                kept.add(candidate);
            }
        }
        List<Neighbour> out = new ArrayList<>(kept);
        out.sort(BEST_FIRST);
        return out;
    }
}
