package io.amdim4j.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientAllReduceTest {

    @Test
    void everyFloatBecomesTheMeanAcrossBucketBoundaries() {
        TwoRankFake group = new TwoRankFake(0);
        int[] sizes = {1, 5, 2, 7};
        List<ByteBuffer> gradients = new ArrayList<>();
        float value = 1;
        for (int n : sizes) {
            ByteBuffer b = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder());
            for (int i = 0; i < n; i++) {
                b.putFloat(i * Float.BYTES, value++);
            }
            gradients.add(b);
        }
        new GradientAllReduce(group, 4).average(gradients);

        float expected = 1;
        for (ByteBuffer b : gradients) {
            for (int i = 0; i < b.capacity() / Float.BYTES; i++) {
                assertThat(b.getFloat(i * Float.BYTES)).isEqualTo((expected++ + TwoRankFake.OTHER) / 2);
            }
        }
        // 15 floats in buckets of 4: three full buckets and the rest, one call each
        assertThat(group.floatsPerCall).containsExactly(4, 4, 4, 3);
    }

    @Test
    void aSingleProcessLeavesGradientsAlone() {
        ByteBuffer b = ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder());
        b.putFloat(0, 3f);
        new GradientAllReduce(SingleProcess.INSTANCE).average(List.of(b));
        assertThat(b.getFloat(0)).isEqualTo(3f);
    }

    @Test
    void anEmptyBucketIsRefused() {
        assertThatThrownBy(() -> new GradientAllReduce(SingleProcess.INSTANCE, 0))
                .hasMessageContaining("at least one float");
    }
}
