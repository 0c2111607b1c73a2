package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one table of eval.json: rows for the report, text for the console. */
class EvalTableTest {

    @Test
    void oneRowPerMethodProtocolAndFractionThenOneCostRowPerMethod() {
        String[] lines = new EvalTable(EvalSamples.methods(), List.of()).text().split("\n");
        assertThat(lines).hasSize(3 + 1 + 3);
        assertThat(words(lines[0])).containsExactly("method", "features", "protocol", "labels", "accuracy", "(%)", "seeds");
        // 0.75 and 0.5: mean 62.5%, sample std 17.68%
        assertThat(words(lines[1])).containsExactly("amdim", "r1+r5avg+r7avg", "linear", "10%", "62.50", "±", "17.68", "2");
        assertThat(words(lines[2])).containsExactly("pixels", "pixels", "knn-k20", "100%", "25.00", "±", "0.00", "1");
        assertThat(lines[3]).isEmpty();
        assertThat(words(lines[5])).containsExactly("amdim", "r1+r5avg+r7avg", "96", "100", "40", "10", "2.5", "1.5", "4.0");
        assertThat(words(lines[6])).containsExactly("pixels", "pixels", "3072", "100", "40", "10", "0.5", "0.3", "0.8");
        // aligned: every column starts where its header does
        assertThat(lines[2].indexOf("knn-k20")).isEqualTo(lines[0].indexOf("protocol"));
        assertThat(lines[6].indexOf("3072")).isEqualTo(lines[4].indexOf("dim"));
    }

    @Test
    void rowsCarryEveryResultWithItsMethodAndFormatAsPercentMeanPlusMinusStd() {
        EvalReport amdim = new EvalReport("amdim", "r1", 100, 50, 10, List.of(
                EvalResult.of("linear", "r1", 0.01, List.of(new SeedOutcome(1, 0.9, Map.of()), new SeedOutcome(2, 0.8, Map.of()))),
                EvalResult.of("knn-k5", "r1", 1.0, List.of(new SeedOutcome(1, 0.5, Map.of())))),
                1.0);
        EvalReport pixels = new EvalReport("pixels", "pixels", 100, 50, 10, List.of(
                EvalResult.of("linear", "pixels", 0.01, List.of(new SeedOutcome(1, 0.3, Map.of())))), 1.0);
        List<EvalTable.Row> rows = EvalTable.rows(List.of(amdim, pixels));
        assertThat(rows).extracting(EvalTable.Row::method, EvalTable.Row::protocol, EvalTable.Row::labelFraction)
                .containsExactly(tuple("amdim", "linear", 0.01), tuple("amdim", "knn-k5", 1.0),
                        tuple("pixels", "linear", 0.01));
        EvalTable.Row row = rows.get(0);
        assertThat(row).extracting(EvalTable.Row::method, EvalTable.Row::protocol, EvalTable.Row::featureSet,
                EvalTable.Row::labelFraction, EvalTable.Row::seeds).containsExactly("amdim", "linear", "r1", 0.01, 2);
        assertThat(row.mean()).isCloseTo(0.85, within(1e-12));
        assertThat(row.std()).isCloseTo(Math.sqrt(0.005), within(1e-12));
        assertThat(row.accuracy()).isEqualTo("85.00 ± 7.07");
        assertThat(row.labels()).isEqualTo("1%");
    }

    @Test
    void theTableOfAPartialFileKeepsWhatIsPending() {
        EvalJson<String> partial = new EvalJson<>("ckpt", "cifar10:/d", "train", "test", "settings", 0L,
                EvalSamples.methods().subList(0, 1), List.of("pixels"), 1.0, EvalSamples.provenance());
        EvalTable table = EvalTable.of(partial);
        assertThat(table.rows()).extracting(EvalTable.Row::method).containsExactly("amdim");
        assertThat(table.pending()).containsExactly("pixels");
    }

    @Test
    void labelFractionsPrintAsShortPercentages() {
        assertThat(EvalTable.labels(1.0)).isEqualTo("100%");
        assertThat(EvalTable.labels(0.1)).isEqualTo("10%");
        assertThat(EvalTable.labels(0.01)).isEqualTo("1%");
        assertThat(EvalTable.labels(0.005)).isEqualTo("0.5%");
        assertThat(EvalTable.labels(0.125)).isEqualTo("12.5%");
    }

    private static String[] words(String line) {
        return line.trim().split("\\s+");
    }
}
