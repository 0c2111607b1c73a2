package io.amdim4j.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of an evaluation (spec §6.3) as a table: one row per method, protocol and label
 * fraction with the test accuracy as mean ± sample std over the seeds, and one cost row per method.
 * The one table of eval.json: {@code amdim eval} prints {@link #text()}, {@code amdim report}
 * renders {@link #rows()} as HTML, so both show the same rows with the same label and accuracy
 * formats.
 *
 * @param methods the evaluations, in report order
 * @param pending methods an unfinished evaluation has not reached yet; empty when complete
 */
public record EvalTable(List<MethodEvaluation> methods, List<String> pending) {

    private static final String[] RESULT_HEADER = {"method", "features", "protocol", "labels", "accuracy (%)", "seeds"};
    private static final String[] COST_HEADER = {"method", "features", "dim", "train", "test", "classes",
        "extract (s)", "probes (s)", "total (s)"};
    private static final String GAP = "  ";

    /**
     * One method under one protocol and label fraction.
     *
     * @param method e.g. "amdim", "random-init", "pixels"
     * @param featureSet feature set name, e.g. "r1"
     * @param protocol e.g. "linear", "knn-k200"
     * @param labelFraction share of labelled training images used
     * @param mean mean test accuracy over seeds, in [0, 1]
     * @param std sample standard deviation over seeds
     * @param seeds number of seeds
     */
    public record Row(String method, String featureSet, String protocol, double labelFraction, double mean,
            double std, int seeds) {

        /**
         * The accuracy in percent, mean ± std.
         *
         * @return e.g. "91.23 ± 0.45"
         */
        public String accuracy() {
            return String.format(Locale.ROOT, "%.2f ± %.2f", 100 * mean, 100 * std);
        }

        /**
         * The label fraction as a short percentage.
         *
         * @return e.g. "1%", "100%", "0.5%"
         */
        public String labels() {
            return EvalTable.labels(labelFraction);
        }
    }

    /** Copies the lists. */
    public EvalTable {
        methods = List.copyOf(methods);
        pending = List.copyOf(pending);
    }

    /**
     * The table of an eval.json, complete or not.
     *
     * @param file the evaluation
     * @return its table
     */
    public static EvalTable of(EvalJson<?> file) {
        return new EvalTable(file.methods(), file.pending());
    }

    /**
     * The result rows, in method order.
     *
     * @return one row per method, protocol and label fraction
     */
    public List<Row> rows() {
        return rows(methods.stream().map(MethodEvaluation::report).toList());
    }

    /**
     * The result rows of reports.
     *
     * @param reports evaluation reports
     * @return one row per report, protocol and label fraction, in report order
     */
    static List<Row> rows(List<EvalReport> reports) {
        List<Row> rows = new ArrayList<>();
        for (EvalReport report : reports) {
            for (EvalResult result : report.results()) {
                rows.add(new Row(report.method(), result.featureSet(), result.protocol(), result.labelFraction(),
                        result.mean(), result.std(), result.seeds().size()));
            }
        }
        return rows;
    }

    /**
     * Both tables for a terminal, columns aligned: results, a blank line, costs.
     *
     * @return the text, ending in a newline
     */
    public String text() {
        List<String[]> results = new ArrayList<>();
        results.add(RESULT_HEADER);
        for (Row row : rows()) {
            results.add(new String[] {row.method(), row.featureSet(), row.protocol(), row.labels(), row.accuracy(),
                Integer.toString(row.seeds())});
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

    /**
     * A label fraction as a short percentage.
     *
     * @param fraction share of labels in (0, 1]
     * @return e.g. "1%", "100%", "0.5%", "12.5%"
     */
    public static String labels(double fraction) {
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
