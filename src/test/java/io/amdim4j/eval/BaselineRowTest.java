package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows of the comparison table. */
class BaselineRowTest {

    @Test
    void oneRowPerMethodProtocolAndFractionAsPercentMeanPlusMinusStd() {
        EvalReport amdim = new EvalReport("amdim", "r1", 100, 50, 10, List.of(
                EvalResult.of("linear", "r1", 0.01, List.of(new SeedOutcome(1, 0.9, Map.of()), new SeedOutcome(2, 0.8, Map.of()))),
                EvalResult.of("knn-k5", "r1", 1.0, List.of(new SeedOutcome(1, 0.5, Map.of())))),
                1.0);
        EvalReport pixels = new EvalReport("pixels", "pixels", 100, 50, 10, List.of(
                EvalResult.of("linear", "pixels", 0.01, List.of(new SeedOutcome(1, 0.3, Map.of())))), 1.0);

        List<BaselineRow> rows = BaselineRow.of(List.of(amdim, pixels));

        assertThat(rows).extracting(BaselineRow::method, BaselineRow::protocol, BaselineRow::labelFraction)
                .containsExactly(
                        tuple("amdim", "linear", 0.01),
                        tuple("amdim", "knn-k5", 1.0),
                        tuple("pixels", "linear", 0.01));
        BaselineRow row = rows.get(0);
        assertThat(row).extracting(BaselineRow::featureSet, BaselineRow::seeds).containsExactly("r1", 2);
        assertThat(row.mean()).isCloseTo(0.85, within(1e-12));
        assertThat(row.std()).isCloseTo(Math.sqrt(0.005), within(1e-12));
        assertThat(row.accuracy()).isEqualTo("85.00 ± 7.07");
    }
}
