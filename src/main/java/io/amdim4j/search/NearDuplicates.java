package io.amdim4j.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs of rows whose cosine similarity reaches a threshold, found by querying the index with every
 * row's own vector: near-duplicate images (re-encoded, resized, lightly edited copies) embed close
 * together.
 */
public final class NearDuplicates {

    /**
     * One pair, each unordered pair reported once.
     *
     * @param first the lower row
     * @param second the higher row
     * @param cosine their cosine similarity, as the index scores it
     */
    public record Pair(Neighbour first, Neighbour second, double cosine) {}

    private NearDuplicates() {
    }

    /**
     * Every pair with cosine ≥ {@code threshold} among each row's {@code perRow} nearest rows, most
     * similar first.
     *
     * @param index the index to query, with every row's stored vector
     * @param threshold the least cosine similarity of a pair, in [-1, 1]
     * @param perRow how many neighbours of each row are examined; a row with more duplicates than
     *     this shows only the closest ones
     * @param candidates efSearch of each query (see {@link VectorIndex#search})
     * @return the pairs, most similar first, then by row
     * @throws IOException if the index cannot be read
     * @throws IllegalArgumentException if the threshold is outside [-1, 1]
     */
    public static List<Pair> find(VectorIndex index, double threshold, int perRow, int candidates) throws IOException {
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold is a cosine similarity in [-1, 1], got " + threshold);
        }
        Map<Long, Pair> pairs = new LinkedHashMap<>();
        int rows = index.manifest().rows();
        for (int r = 0; r < rows; r++) {
            Neighbour self = null; // looked up only for a row that has a duplicate
            for (Neighbour other : index.search(index.vector(r), perRow + 1, candidates)) {
                if (other.row() == r || other.cosine() < threshold) {
                    continue;
                }
                long key = (long) Math.min(r, other.row()) * rows + Math.max(r, other.row());
                if (!pairs.containsKey(key)) {
                    self = self != null ? self : index.describe(r);
                    pairs.put(key, r < other.row() ? new Pair(self, other, other.cosine())
                            : new Pair(other, self, other.cosine()));
                }
            }
        }
        List<Pair> sorted = new ArrayList<>(pairs.values());
        sorted.sort(Comparator.comparingDouble(Pair::cosine).reversed()
                .thenComparingInt(p -> p.first().row()).thenComparingInt(p -> p.second().row()));
        return sorted;
    }
}
