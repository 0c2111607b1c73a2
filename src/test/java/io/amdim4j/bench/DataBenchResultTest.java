package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataBenchResultTest {

    @Test
    void medianIsTheMiddleWindowRateNotTheOverallMean() {
        // rates 100, 1000 (an outlier), 200 pairs/s
        DataBenchResult r = new DataBenchResult(0, List.of(
                new DataBenchResult.Window(1, 100, 1_000_000_000L),
                new DataBenchResult.Window(1, 100, 100_000_000L),
                new DataBenchResult.Window(2, 200, 1_000_000_000L)), 1);
        assertThat(r.medianPairsPerSecond()).isEqualTo(200.0);
        assertThat(r.minPairsPerSecond()).isEqualTo(100.0);
        assertThat(r.maxPairsPerSecond()).isEqualTo(1000.0);
        assertThat(r.timedPairs()).isEqualTo(400);
        assertThat(r.timedBatches()).isEqualTo(4);
        assertThat(r.timedSeconds()).isEqualTo(2.1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aResultNeedsAWindow() {
        assertThatThrownBy(() -> new DataBenchResult(0, List.of(), 0)).hasMessageContaining("window");
    }
}
