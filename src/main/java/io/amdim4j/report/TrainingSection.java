package io.amdim4j.report;

import io.amdim4j.loss.LossTerm;
import io.amdim4j.run.MetricsRecord;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Section 1 of the report: a few headline numbers of the run and its training-curve figures. */
final class TrainingSection {

    private final List<MetricsRecord> records;
    private final List<Figure> figures;

    TrainingSection(List<MetricsRecord> records, List<Figure> figures) {
        this.records = records;
        this.figures = figures;
    }

    void render(HtmlPage page, Path metricsFile) {
        page.heading(2, "curves", "1. Training curves");
        if (records.isEmpty()) {
            page.note("No metrics were recorded yet (" + metricsFile + " is missing or empty).");
            return;
        }
        page.table(List.of("quantity", "value"), headlines(), new boolean[] {false, true});
        page.paragraph("Per-update values are drawn faint, with a centred moving average over about 1/"
                + MovingAverage.WINDOWS_PER_CURVE + " of the run on top. The loss terms this run recorded:");
        page.table(List.of("term", "metrics.jsonl key", "meaning", "adds into the total loss"), termRows(),
                new boolean[] {false, false, false, false});
        page.figures(figures);
    }

    /** Numbers a reader wants before the curves: how far the run got and how well the probes do. */
    List<List<String>> headlines() {
        List<MetricsRecord> steps = records.stream().filter(r -> MetricsRecord.STEP.equals(r.kind())).toList();
        List<MetricsRecord> epochs = records.stream().filter(r -> MetricsRecord.EPOCH.equals(r.kind())).toList();
        List<List<String>> rows = new ArrayList<>();
        long lastStep = records.stream().mapToLong(MetricsRecord::step).max().orElse(0);
        rows.add(List.of("updates recorded", Long.toString(lastStep)));
        rows.add(List.of("epochs completed", Integer.toString(epochs.size())));
        if (!steps.isEmpty()) {
            int tail = Math.max(1, steps.size() / MovingAverage.WINDOWS_PER_CURVE);
            List<MetricsRecord> last = steps.subList(steps.size() - tail, steps.size());
            mean(last.stream().map(MetricsRecord::loss).toList()).ifPresent(v -> rows.add(List.of(
                    "total loss, mean of the last " + tail + " updates", String.format(Locale.ROOT, "%.4f", v))));
            mean(steps.stream().map(MetricsRecord::pairsPerS).toList()).ifPresent(v -> rows.add(List.of(
                    "mean throughput", String.format(Locale.ROOT, "%.1f view pairs/s", v))));
        }
        if (!epochs.isEmpty()) {
            MetricsRecord e = epochs.get(epochs.size() - 1);
            if (e.testAccMlp() != null) {
                rows.add(List.of("test accuracy, MLP probe (epoch " + (e.epoch() + 1) + ")", percent(e.testAccMlp())));
            }
            if (e.testAccLinear() != null) {
                rows.add(List.of("test accuracy, linear probe (epoch " + (e.epoch() + 1) + ")",
                        percent(e.testAccLinear())));
            }
            double seconds = epochs.stream().map(MetricsRecord::epochSeconds).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).sum();
            rows.add(List.of("time in completed epochs", duration(seconds)));
        }
        return rows;
    }

    /** The declared loss terms that appear in the step records, in declaration order. */
    List<List<String>> termRows() {
        List<List<String>> rows = new ArrayList<>();
        for (LossTerm term : LossTerm.values()) {
            if (records.stream().anyMatch(r -> MetricsRecord.STEP.equals(r.kind()) && r.term(term.key()) != null)) {
                rows.add(List.of(term.symbol(), term.key(), term.meaning(), term.additive() ? "yes" : "no, logged only"));
            }
        }
        return rows;
    }

    /** Mean of the finite values present, if any. */
    private static Optional<Double> mean(List<Double> values) {
        double[] finite = values.stream().filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue).toArray();
        return finite.length == 0 ? Optional.empty() : Optional.of(Arrays.stream(finite).average().orElseThrow());
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
