package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import io.amdim4j.WithNDManager;
import org.junit.jupiter.api.Test;

/** {@link EngineSeed}: one 64→32-bit mapping for every place that seeds the engine. */
class EngineSeedTest extends WithNDManager {

    private float[] drawsAfter(long seed) {
        EngineSeed.apply(seed);
        return manager.randomUniform(0, 1, new Shape(16)).toFloatArray();
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        long seed = 0x1234_5678_9abc_def0L;
        assertThat(drawsAfter(seed)).containsExactly(drawsAfter(seed));
    }

    @Test
    void theHighHalfOfTheSeedCounts() {
        // a cast to int would seed both identically
        assertThat(drawsAfter(5L)).isNotEqualTo(drawsAfter(5L + (1L << 32)));
    }

    @Test
    void smallSeedsKeepTheirValue() {
        assertThat(EngineSeed.fold(0)).isZero();
        assertThat(EngineSeed.fold(42)).isEqualTo(42);
        assertThat(EngineSeed.fold(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }
}
