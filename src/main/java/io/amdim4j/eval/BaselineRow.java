package io.amdim4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the comparison table: a method under one protocol and label fraction.
 *
 * @param method e.g. "amdim", "random-init", "pixels"
 * @param protocol e.g. "linear", "knn-k200"
 * @param featureSet feature set name
 * @param labelFraction share of labelled training images
 * @param mean mean test accuracy over seeds, in [0, 1]
 * @param std sample standard deviation over seeds
 * @param seeds number of seeds
 */
public record BaselineRow(String method, String protocol, String featureSet, double labelFraction, double mean,
        double std, int seeds) {

    /**
     * One row per method, protocol and label fraction.
     *
     * @param reports evaluation reports
     * @return the rows, in report order
     */
    public static List<BaselineRow> of(List<EvalReport> reports) {
        List<BaselineRow> rows = new ArrayList<>();
        for (EvalReport report : reports) {
            for (EvalResult result : report.results()) {
                rows.add(new BaselineRow(report.method(), result.protocol(), result.featureSet(),
                        result.labelFraction(), result.mean(), result.std(), result.seeds().size()));
            }
        }
        return rows;
    }

    /**
     * The accuracy as percent, mean ± std.
     *
     * @return e.g. "91.23 ± 0.45"
     */
    public String accuracy() {
        return String.format(Locale.ROOT, "%.2f ± %.2f", 100 * mean, 100 * std);
    }
}
