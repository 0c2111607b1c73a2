package io.amdim4j.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A validation split carved from the <em>training</em> features for choosing a probe's
 * hyper-parameter (spec §6.3 keeps test images for the final score only). Stratified and seeded:
 * each class gives round(fraction · its rows) rows to validation, clamped so that a class of two
 * or more rows gives at least one (small label fractions still validate) and keeps at least one
 * for fitting.
 *
 * @param fit rows to fit on, increasing
 * @param validation rows to score the candidates on, increasing
 */
record ValidationSplit(int[] fit, int[] validation) {

    /**
     * Carves the split.
     *
     * @param labels training labels (−1 rows go nowhere)
     * @param fraction share of each class held out, in (0, 1)
     * @param seed split seed
     * @return the split
     */
    public static ValidationSplit carve(int[] labels, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> fit = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> classRows : ClassRows.byClass(labels)) {
            List<Integer> rows = new ArrayList<>(classRows);
            ClassRows.shuffle(rows, random);
            int held = rows.size() < 2
                    ? 0
                    : Math.max(1, Math.min((int) Math.round(fraction * rows.size()), rows.size() - 1));
            validation.addAll(rows.subList(0, held));
            fit.addAll(rows.subList(held, rows.size()));
        }
        return new ValidationSplit(sorted(fit), sorted(validation));
    }

    private static int[] sorted(List<Integer> rows) {
        int[] out = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }
}
