package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.loss.LossTerm;
import io.amdim4j.run.MetricsRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report draws each loss term where its declaration says, from the key it declares. */
class TrainingCurvesTest {

    @TempDir
    Path dir;

    /** Step records carrying only one term: update s has the value 10 + s. */
    private static List<MetricsRecord> onlyTerm(String key) {
        List<MetricsRecord> records = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            records.add(new MetricsRecord(MetricsRecord.STEP, s, 0, null, Map.of(key, 10.0 + s), null, null, null,
                    null, null, null, null));
        }
        return records;
    }

    @Test
    void eachDeclaredTermIsDrawnInItsChartFromItsKey() throws IOException {
        for (LossTerm term : LossTerm.values()) {
            List<MetricsRecord> records = onlyTerm(term.key());
            List<Figure> figures = TrainingCurves.write(records, dir.resolve(term.key()));
            assertThat(figures).as(term.key()).extracting(Figure::file).containsExactly(term.chart().file());
            assertThat(figures.get(0).title()).isEqualTo(term.chart().title());

            TrainingCurves.Panel panel = TrainingCurves.PANELS.stream()
                    .filter(p -> p.file().equals(term.chart().file())).findFirst().orElseThrow();
            TrainingCurves.Metric metric = panel.metrics().stream()
                    .filter(m -> m.name().equals(term.symbol())).findFirst().orElseThrow();
            CurveChart.Curve curve = TrainingCurves.curve(records, MetricsRecord.STEP, metric);
            assertThat(curve.x()).containsExactly(1, 2, 3, 4, 5);
            assertThat(curve.y()).containsExactly(11, 12, 13, 14, 15);
        }
        assertThat(TrainingCurves.write(onlyTerm("some_undeclared_term"), dir.resolve("none"))).isEmpty();
    }

    @Test
    void everyChartHasOneFileAndTheTermsInDeclarationOrder() {
        List<String> files = TrainingCurves.fileNames();
        assertThat(files).doesNotHaveDuplicates();
        List<String> nceCurves = TrainingCurves.PANELS.stream()
                .filter(p -> p.file().equals(LossTerm.LOSS_1T5.chart().file())).findFirst().orElseThrow()
                .metrics().stream().map(TrainingCurves.Metric::name).toList();
        assertThat(nceCurves).containsExactly("L_1t5", "L_1t7", "L_5t5");
        for (LossTerm term : LossTerm.values()) {
            assertThat(files).contains(term.chart().file());
        }
    }

    @Test
    void theTrainingSectionListsTheTermsTheRunRecordedWithTheirMeaning() {
        List<MetricsRecord> records = new ArrayList<>(onlyTerm(LossTerm.MIXTURE_ENTROPY.key()));
        records.addAll(onlyTerm(LossTerm.LOSS_5T5.key()));
        List<List<String>> rows = new TrainingSection(records, List.of()).termRows();
        assertThat(rows).containsExactly(
                List.of("L_5t5", "loss_5t5", LossTerm.LOSS_5T5.meaning(), "yes"),
                List.of("H(q)", "mixture_entropy", LossTerm.MIXTURE_ENTROPY.meaning(), "no, logged only"));
    }
}
