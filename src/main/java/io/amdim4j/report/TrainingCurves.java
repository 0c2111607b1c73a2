package io.amdim4j.report;

import io.amdim4j.loss.LossTerm;
import io.amdim4j.run.MetricsRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The training-curve figures of a run, from its {@code metrics.jsonl}: the per-update loss terms
 * as {@link LossTerm} declares them (key, legend and figure), the learning rate of §7 and the
 * throughput (raw values faint, moving average solid), and the test accuracy of both online probes after every epoch (§6.2). A figure whose
 * quantities were never recorded is left out, and missing or non-finite values are skipped.
 */
public final class TrainingCurves {

    /**
     * One figure: a file, a title, and the quantities it plots.
     *
     * @param file PNG name
     * @param title chart title
     * @param yLabel value axis label
     * @param kind which records it reads
     * @param style how it is drawn
     * @param metrics the curves
     */
    record Panel(String file, String title, String yLabel, String kind, CurveChart.Style style, List<Metric> metrics) {}

    /**
     * One curve.
     *
     * @param name legend label
     * @param value the field of a record, null when absent
     */
    record Metric(String name, Function<MetricsRecord, Double> value) {}

    /** Every figure the report can draw, in page order: the total, one per loss-term chart, then the rest. */
    static final List<Panel> PANELS = panels();

    private static List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("loss.png", "Total loss per update (the additive loss terms)", "loss",
                MetricsRecord.STEP, CurveChart.Style.SMOOTHED,
                List.of(new Metric("total loss", MetricsRecord::loss))));
        panels.addAll(termPanels());
        panels.add(new Panel("train-accuracy.png", "Online probe accuracy on training batches (spec §6.1)", "accuracy",
                MetricsRecord.STEP, CurveChart.Style.SMOOTHED, List.of(
                        new Metric("MLP probe", MetricsRecord::trainAccMlp),
                        new Metric("linear probe", MetricsRecord::trainAccLinear))));
        panels.add(new Panel("lr.png", "Learning rate (spec §7: warm-up, then step decay)", "learning rate",
                MetricsRecord.STEP, CurveChart.Style.LINE, List.of(new Metric("lr", MetricsRecord::lr))));
        panels.add(new Panel("pairs-per-s.png", "Throughput", "view pairs / s", MetricsRecord.STEP,
                CurveChart.Style.SMOOTHED, List.of(new Metric("pairs/s", MetricsRecord::pairsPerS))));
        panels.add(new Panel("test-accuracy.png", "Online probe test accuracy after each epoch (spec §6.2)",
                "test accuracy", MetricsRecord.EPOCH, CurveChart.Style.MARKERS, List.of(
                        new Metric("MLP probe", MetricsRecord::testAccMlp),
                        new Metric("linear probe", MetricsRecord::testAccLinear))));
        return List.copyOf(panels);
    }

    /** One panel per chart the loss terms declare, each term a curve read from its metrics key. */
    static List<Panel> termPanels() {
        Map<LossTerm.Chart, List<Metric>> byChart = new LinkedHashMap<>();
        for (LossTerm term : LossTerm.values()) {
            byChart.computeIfAbsent(term.chart(), c -> new ArrayList<>())
                    .add(new Metric(term.symbol(), r -> r.term(term.key())));
        }
        List<Panel> panels = new ArrayList<>();
        byChart.forEach((chart, metrics) -> panels.add(new Panel(chart.file(), chart.title(), chart.axis(),
                MetricsRecord.STEP, CurveChart.Style.SMOOTHED, List.copyOf(metrics))));
        return panels;
    }

    private TrainingCurves() {}

    /** File names of every figure this class may write, so a report can remove stale ones. */
    public static List<String> fileNames() {
        return PANELS.stream().map(Panel::file).toList();
    }

    /**
     * Writes the figures that have data into {@code dir}.
     *
     * @return the figures written, in page order
     */
    static List<Figure> write(List<MetricsRecord> records, Path dir) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (Panel panel : PANELS) {
            List<CurveChart.Curve> curves = new ArrayList<>();
            for (Metric m : panel.metrics()) {
                CurveChart.Curve c = curve(records, panel.kind(), m);
                if (c.x().length > 0) {
                    curves.add(c);
                }
            }
            if (!curves.isEmpty()) {
                String xLabel = panel.kind().equals(MetricsRecord.EPOCH) ? "epoch" : "update";
                figures.add(CurveChart.write(dir.resolve(panel.file()), panel.title(), xLabel, panel.yLabel(),
                        curves, panel.style()));
            }
        }
        return figures;
    }

    /**
     * The finite values of one metric in records of one kind; x is the update for step records
     * and the number of completed epochs (the record's 0-based epoch + 1) for epoch records.
     */
    static CurveChart.Curve curve(List<MetricsRecord> records, String kind, Metric metric) {
        List<double[]> points = new ArrayList<>();
        for (MetricsRecord r : records) {
            Double v = kind.equals(r.kind()) ? metric.value().apply(r) : null;
            if (v != null && Double.isFinite(v)) {
                double x = kind.equals(MetricsRecord.EPOCH) ? r.epoch() + 1 : r.step();
                points.add(new double[] {x, v});
            }
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new CurveChart.Curve(metric.name(), x, y);
    }
}
