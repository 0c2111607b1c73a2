package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.amdim4j.pipeline.HostBatch;
import org.junit.jupiter.api.Test;

class NdArrayCopyCostTest {

    private static HostBatch batch() {
        int n = 4;
        float[][] views = new float[2][n * 3 * 8 * 8];
        for (int v = 0; v < 2; v++) {
            for (int i = 0; i < views[v].length; i++) {
                views[v][i] = v + i * 1e-3f;
            }
        }
        return new HostBatch(0, 0, views, 3, 8, 8, new int[n], new int[n]);
    }

    @Test
    void timesEachRepeatWithTheClockAndLeavesNoArraysBehind() {
        long[] now = {0};
        NdArrayCopyCost cost = new NdArrayCopyCost(() -> now[0] += 2_000_000L); // 2 ms per read
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThat(cost.medianMillis(manager, batch(), 3)).isEqualTo(2.0);
            assertThat(manager.getManagedArrays()).isEmpty();
            assertThat(new NdArrayCopyCost().medianMillis(manager, batch(), 2)).isPositive();
            assertThatThrownBy(() -> cost.medianMillis(manager, batch(), 0)).hasMessageContaining("repeats");
        }
    }
}
