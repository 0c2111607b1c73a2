package io.amdim4j.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fixed query rows of the nearest-neighbour gallery, spread over the classes: classes are
 * visited in label order, round after round, and each visit takes that class's next row in row
 * order. Ten classes and eight queries give the first row of classes 0..7; three classes give
 * rows of classes 0, 1, 2, 0, 1, 2, 0, 1. Unlabelled rows (label −1) count as one more class.
 * No randomness, so a report of the same embeddings always shows the same queries.
 */
final class GalleryQueries {

    private GalleryQueries() {}

    /**
     * Up to {@code count} distinct rows (fewer only if there are fewer rows).
     *
     * @param labels label of each row
     * @param count number of queries wanted
     * @return the query rows, in the order they were chosen
     */
    public static int[] choose(int[] labels, int count) {
        Map<Integer, Deque<Integer>> byClass = new TreeMap<>();
        for (int r = 0; r < labels.length; r++) {
            byClass.computeIfAbsent(labels[r], l -> new ArrayDeque<>()).add(r);
        }
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < count && chosen.size() < labels.length) {
            for (Deque<Integer> rows : byClass.values()) {
                if (!rows.isEmpty() && chosen.size() < count) {
                    chosen.add(rows.poll());
                }
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
