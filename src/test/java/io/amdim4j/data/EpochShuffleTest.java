package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochShuffleTest {

    @Test
    void orderIsAPermutation() {
        int[] order = new EpochShuffle(1).order(0, 1000);
        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(IntStream.range(0, 1000).toArray());
        assertThat(order).isNotEqualTo(IntStream.range(0, 1000).toArray());
        assertThat(new EpochShuffle(1).order(0, 0)).isEmpty();
        assertThat(new EpochShuffle(1).order(0, 1)).containsExactly(0);
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrderAndOthersDiffer() {
        assertThat(new EpochShuffle(9).order(4, 500)).isEqualTo(new EpochShuffle(9).order(4, 500));
        assertThat(new EpochShuffle(9).order(4, 500)).isNotEqualTo(new EpochShuffle(9).order(5, 500));
        assertThat(new EpochShuffle(9).order(4, 500)).isNotEqualTo(new EpochShuffle(10).order(4, 500));
        assertThat(new EpochShuffle(new SeedStreams(9)).order(4, 500)).isEqualTo(new EpochShuffle(9).order(4, 500));
    }

    @Test
    void allPermutationsOfFourAreEquallyLikelyOverEpochs() {
        int epochs = 24_000;
        Map<String, Integer> counts = new HashMap<>();
        EpochShuffle shuffle = new EpochShuffle(2024);
        for (int epoch = 0; epoch < epochs; epoch++) {
            counts.merge(Arrays.toString(shuffle.order(epoch, 4)), 1, Integer::sum);
        }
        assertThat(counts).hasSize(24);
        double expected = epochs / 24.0;
        double chiSquare = counts.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
        // 23 degrees of freedom: P(chi^2 > 49.7) = 0.001.
        assertThat(chiSquare).isLessThan(49.7);
    }
}
