package io.amdim4j.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The share of labelled training images a probe may use (semi-supervised evaluation): a seeded,
 * class-balanced subset, e.g. 1% of Fashion-MNIST's 60,000 = 600 images, 60 per class.
 *
 * <p>The subset has round(fraction · labelled rows) images, split equally over the classes; when
 * that does not divide, a seeded choice of classes gets one more. A class with fewer images than
 * its share gives all it has. 1.0 means every labelled row, unsampled.
 *
 * @param value the fraction, in (0, 1]
 */
public record LabelFraction(double value) {

    /** Every labelled image. */
    static final LabelFraction ALL = new LabelFraction(1.0);

    /** Validates the range. */
    public LabelFraction {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("label fraction must be in (0, 1], got " + value);
        }
    }

    /**
     * Jackson and option parsing.
     *
     * @param value the fraction
     * @return the label fraction
     */
    @JsonCreator
    public static LabelFraction of(double value) {
        return new LabelFraction(value);
    }

    /**
     * The fraction, as written in reports.
     *
     * @return the fraction
     */
    @JsonValue
    @Override
    public double value() {
        return value;
    }

    /**
     * Whether every labelled row is used.
     *
     * @return value == 1
     */
    boolean isAll() {
        return value == 1.0;
    }

    /**
     * The rows of the subset.
     *
     * @param labels training labels (−1 rows are never chosen)
     * @param seed subset seed; the same seed gives the same subset
     * @return row indices in increasing order
     */
    public int[] sample(int[] labels, long seed) {
        List<List<Integer>> byClass = ClassRows.byClass(labels);
        int labelled = byClass.stream().mapToInt(List::size).sum();
        if (isAll()) {
            return byClass.stream().flatMap(List::stream).mapToInt(Integer::intValue).sorted().toArray();
        }
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < byClass.size(); c++) {
            if (!byClass.get(c).isEmpty()) {
                present.add(c);
            }
        }
        int total = (int) Math.round(value * labelled);
        if (total < present.size()) {
            throw new IllegalArgumentException("label fraction " + value + " of " + labelled
                    + " labelled images gives " + total + ", fewer than one per class ("
                    + present.size() + " classes)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> extraOrder = new ArrayList<>(present);
        ClassRows.shuffle(extraOrder, random);
        int base = total / present.size();
        int extra = total % present.size();
        List<Integer> chosen = new ArrayList<>(total);
        for (int c : present) {
            int quota = base + (extraOrder.indexOf(c) < extra ? 1 : 0);
            List<Integer> rows = new ArrayList<>(byClass.get(c));
            ClassRows.shuffle(rows, random);
            chosen.addAll(rows.subList(0, Math.min(quota, rows.size())));
        }
        int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
