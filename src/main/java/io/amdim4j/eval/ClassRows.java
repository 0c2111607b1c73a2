package io.amdim4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Row indices grouped by label, for the class-balanced and stratified samplers. */
final class ClassRows {

    private ClassRows() {}

    /**
     * Rows of each class 0..max label, in increasing order; unlabelled rows (−1) are left out.
     *
     * @param labels row labels
     * @return one list per class (possibly empty)
     */
    static List<List<Integer>> byClass(int[] labels) {
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                rows.get(labels[i]).add(i);
            }
        }
        return rows;
    }

    /** Fisher–Yates shuffle in place, every draw from {@code random}. */
    static void shuffle(List<Integer> rows, SplittableRandom random) {
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
        }
    }
}
