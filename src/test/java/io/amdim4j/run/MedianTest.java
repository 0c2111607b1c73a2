package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void evenCountsAverageTheTwoMiddleValues() {
        assertThat(Median.of(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Median.of(new double[] {7})).isEqualTo(7);
        assertThatThrownBy(() -> Median.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theValuesAreLeftInTheirOrder() {
        double[] values = {3, 1, 2};
        assertThat(Median.of(values)).isEqualTo(2);
        assertThat(values).containsExactly(3, 1, 2);
    }
}
