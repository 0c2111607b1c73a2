package io.amdim4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console form of an evaluation: one row per method, protocol and label fraction with the test
 * accuracy as mean ± sample std over the seeds (in percent), then one row per method with its
 * feature width, image counts and wall time.
 */
public final class EvalTable {

    private static final String[] RESULT_HEADER = {"method", "features", "protocol", "labels", "accuracy (%)", "seeds"};
    private static final String[] COST_HEADER = {"method", "features", "dim", "train", "test", "classes",
        "extract (s)", "probes (s)", "total (s)"};
    private static final String GAP = "  ";

    private EvalTable() {}

    /**
     * Both tables, columns aligned.
     *
     * @param methods the evaluations, in report order
     * @return the text, ending in a newline
     */
    public static String format(List<MethodEvaluation> methods) {
        List<String[]> results = new ArrayList<>();
        results.add(RESULT_HEADER);
        for (BaselineRow row : BaselineRow.of(methods.stream().map(MethodEvaluation::report).toList())) {
            results.add(new String[] {row.method(), row.featureSet(), row.protocol(), percent(row.labelFraction()),
                row.accuracy(), Integer.toString(row.seeds())});
        }
        List<String[]> costs = new ArrayList<>();
        costs.add(COST_HEADER);
        for (MethodEvaluation m : methods) {
            EvalReport r = m.report();
            costs.add(new String[] {r.method(), r.featureSet(), Integer.toString(m.dimension()),
                Integer.toString(r.trainCount()), Integer.toString(r.testCount()), Integer.toString(r.numClasses()),
                seconds(m.extractionSeconds()), seconds(r.seconds()), seconds(m.totalSeconds())});
        }
        return aligned(results) + "\n" + aligned(costs);
    }

    /** A label fraction as a percentage, e.g. "1%", "100%", "0.5%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.4g", 100 * fraction).replaceAll("\\.?0+$", "") + "%";
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    private static String aligned(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(String.format("%-" + widths[c] + "s", row[c]));
                if (c < row.length - 1) {
                    line.append(GAP);
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
