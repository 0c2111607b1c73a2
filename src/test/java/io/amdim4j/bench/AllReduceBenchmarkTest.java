package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.dist.SingleProcess;
import io.amdim4j.dist.TwoRankFake;
import io.amdim4j.model.EncoderSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllReduceBenchmarkTest {

    @Test
    void eachEncodersWholeGradientIsReducedOncePerRepeat() {
        TwoRankFake group = new TwoRankFake(0);
        AllReduceBenchmark.Result r = new AllReduceBenchmark(List.of(AllReduceBenchmark.encoder(8)), 3, 1).run(group);
        long expected = EncoderSummary.of(AllReduceBenchmark.encoder(8)).encoderParameters();
        assertThat(r.sizes()).singleElement().satisfies(s -> {
            assertThat(s.floats()).isEqualTo(expected);
            assertThat(s.seconds()).hasSize(3);
            assertThat(java.util.Arrays.stream(s.seconds()).min().orElseThrow()).isPositive();
            assertThat(s.bytesPerSecond()).isEqualTo(expected * 4 / s.medianSeconds());
        });
        assertThat(group.floatsPerCall.stream().mapToLong(Integer::longValue).sum()).isEqualTo(4 * expected);
        assertThat(group.barriers).isEqualTo(4);
        assertThat(r.ranks()).isEqualTo(2);
    }

    @Test
    void aProcessAloneIsToldToStartRanks() {
        assertThatThrownBy(() -> new AllReduceBenchmark(List.of(AllReduceBenchmark.encoder(8)), 1, 0)
                .run(SingleProcess.INSTANCE))
                .hasMessageContaining("mpiexec -n 2 ./amdim bench allreduce");
    }

    @Test
    void theEncodersOfTheBenchmarksUseTheProjectsWidths() {
        assertThat(AllReduceBenchmark.encoder(64).nRkhs()).isEqualTo(512);
        assertThat(AllReduceBenchmark.encoder(128).nRkhs()).isEqualTo(1024);
        assertThat(AllReduceBenchmark.encoder(32).nRkhs()).isEqualTo(256);
    }
}
