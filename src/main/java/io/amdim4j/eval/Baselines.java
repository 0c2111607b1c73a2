package io.amdim4j.eval;

import io.amdim4j.run.EvalReport;
import io.amdim4j.run.EvalTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The same protocols on several methods, so a trained encoder is read against its baselines: the
 * same encoder architecture at random initialisation, and raw pixels ({@link RawPixelFeatures}).
 * The caller builds the sources, e.g. {@code evaluation.extractor("amdim", trained)}, {@code
 * evaluation.extractor("random-init", fresh)} and {@code new RawPixelFeatures()}; both encoders
 * then get the same BN re-estimation, which a randomly initialised encoder needs most.
 */
public final class Baselines {

    private final FrozenEvaluation evaluation;

    /**
     * @param evaluation the protocols and settings applied to every method
     */
    public Baselines(FrozenEvaluation evaluation) {
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    }

    /**
     * Evaluates every method on the same splits.
     *
     * @param methods feature sources with distinct names
     * @param training training images under the test transform
     * @param test test images, every image once
     * @return one report per method, in order
     */
    public List<EvalReport> evaluate(List<FeatureSource> methods, BatchSource training, BatchSource test) {
        Set<String> names = new HashSet<>();
        for (FeatureSource method : methods) {
            if (!names.add(method.name())) {
                throw new IllegalArgumentException("two methods are both named '" + method.name() + "'");
            }
        }
        List<EvalReport> reports = new ArrayList<>();
        for (FeatureSource method : methods) {
            reports.add(evaluation.evaluate(method, training, test));
        }
        return reports;
    }

    /**
     * Evaluates every method and flattens the reports into table rows.
     *
     * @param methods feature sources with distinct names
     * @param training training images under the test transform
     * @param test test images, every image once
     * @return rows: method, protocol, accuracy mean ± std
     */
    public List<EvalTable.Row> compare(List<FeatureSource> methods, BatchSource training, BatchSource test) {
        return EvalTable.rows(evaluate(methods, training, test));
    }

    /**
     * The rows as a Markdown table.
     *
     * @param rows table rows
     * @return the table, one line per row after the header
     */
    public static String markdown(List<EvalTable.Row> rows) {
        StringBuilder out = new StringBuilder(
                "| method | protocol | features | labels | accuracy (%) | seeds |\n|---|---|---|---|---|---|\n");
        for (EvalTable.Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d |%n", row.method(),
                    row.protocol(), row.featureSet(), row.labels(), row.accuracy(), row.seeds()));
        }
        return out.toString();
    }
}
