package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.PrecisionConfig;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrainStepBenchResultTest {

    private static final TrainStepBenchConfig CONFIG = new TrainStepBenchConfig(
            new EncoderConfig(32, 3, 8, 32, 1, false), 16, 4, 0, PrecisionConfig.fp32(), 10, 1, false,
            ComputeDevice.CPU, false);

    @Test
    void theMedianIgnoresOneSlowUpdate() {
        TrainStepBenchResult r = new TrainStepBenchResult(CONFIG, new double[] {0.5, 0.4, 9.0, 0.6}, 1, OptionalDouble.empty(), 1, 2);
        assertThat(r.medianSeconds()).isCloseTo(0.55, within(1e-12));
        assertThat(r.minSeconds()).isEqualTo(0.4);
        assertThat(r.maxSeconds()).isEqualTo(9.0);
        assertThat(r.pairsPerSecond()).isCloseTo(16 / 0.55, within(1e-9));
        assertThat(r.gflopsPerSecond()).isCloseTo(CONFIG.flopsPerUpdate() / 0.55 / 1e9, within(1e-9));
    }

    @Test
    void ranksTakingEachUpdateTogetherMultiplyTheRate() {
        TrainStepBenchResult r = new TrainStepBenchResult(CONFIG, new double[] {0.5}, 1, OptionalDouble.empty(), 2, 1);
        assertThat(r.pairsPerSecond()).isCloseTo(2 * 16 / 0.5, within(1e-9));
        assertThat(r.gflopsPerSecond()).isCloseTo(2 * CONFIG.flopsPerUpdate() / 0.5 / 1e9, within(1e-9));
    }

    @Test
    void anOddCountTakesTheMiddleUpdate() {
        TrainStepBenchResult r = new TrainStepBenchResult(CONFIG, new double[] {3, 1, 2}, 1, OptionalDouble.empty(), 1, 2);
        assertThat(r.medianSeconds()).isEqualTo(2);
    }

    @Test
    void noTimedUpdatesIsAnError() {
        assertThatThrownBy(() -> new TrainStepBenchResult(CONFIG, new double[0], 1, OptionalDouble.empty(), 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
