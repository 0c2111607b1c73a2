package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochShardTest {

    @Test
    void sharesAreDisjointAndTogetherMakeTheGlobalBatchesOfOneProcess() {
        int[] order = new EpochShuffle(7).order(3, 23);
        int batch = 3;
        int[] r0 = new EpochShard(0, 2).of(order, batch);
        int[] r1 = new EpochShard(1, 2).of(order, batch);
        // 23 images in global batches of 6: three of them, 18 images, 9 per process
        assertThat(r0).hasSize(9);
        assertThat(new EpochShard(1, 2).length(23, batch)).isEqualTo(9);
        for (int k = 0; k < 3; k++) {
            int[] global = Arrays.copyOfRange(order, k * 6, k * 6 + 6);
            int[] both = IntStream.concat(Arrays.stream(r0, k * 3, k * 3 + 3), Arrays.stream(r1, k * 3, k * 3 + 3))
                    .toArray();
            assertThat(both).as("global batch %d", k).containsExactly(global);
        }
    }

    @Test
    void aProcessAloneTrainsOnTheWholeOrder() {
        int[] order = new EpochShuffle(7).order(0, 10);
        assertThat(EpochShard.WHOLE.of(order, 4)).containsExactly(order);
        assertThat(EpochShard.WHOLE.length(10, 4)).isEqualTo(10);
    }

    @Test
    void aRankOutsideTheGroupIsRefused() {
        assertThatThrownBy(() -> new EpochShard(2, 2)).hasMessageContaining("rank 2 outside 0..1");
    }
}
