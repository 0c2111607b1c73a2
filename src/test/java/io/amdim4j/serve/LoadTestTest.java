package io.amdim4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadTestTest {

    @Test
    void percentilesAreNearestRank() {
        double[] latencies = new double[100];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = 100 - i; // unsorted on purpose
        }
        assertThat(LoadTest.percentile(latencies, 0.50)).isEqualTo(50);
        assertThat(LoadTest.percentile(latencies, 0.99)).isEqualTo(99);
        assertThat(LoadTest.percentile(new double[] {7, 3}, 0.99)).isEqualTo(7);
        assertThat(LoadTest.percentile(new double[] {7, 3}, 0.50)).isEqualTo(3);
        assertThat(latencies[0]).as("the input is not sorted in place").isEqualTo(100);
    }

    @Test
    void queriesPerSecondIsAnswersOverWallTime() {
        assertThat(new LoadTest.Result(8, 400, 2.0, 1, 2).queriesPerSecond()).isEqualTo(200);
    }
}
