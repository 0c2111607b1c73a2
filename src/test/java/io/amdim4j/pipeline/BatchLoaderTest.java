package io.amdim4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.data.Sample;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {

    /** Image i is filled with the value i; label i % 3. */
    private static final class Counting implements ImageDataset {
        private final int n;

        Counting(int n) {
            this.n = n;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public Sample get(int index) {
            if (index == 13 && n == 14) {
                throw new IllegalArgumentException("broken.png: not an image");
            }
            byte[] px = new byte[4];
            java.util.Arrays.fill(px, (byte) index);
            return new Sample(new RawImage(1, 2, 2, px), index % 3);
        }

        @Override
        public List<String> classNames() {
            return List.of("a", "b", "c");
        }

        @Override
        public String describe() {
            return "counting(" + n + ")";
        }
    }

    /** Two views: the pixel values plus a draw from the sample's stream. */
    private static final ViewMaker NOISY = (sample, rng) -> {
        ViewMaker.View[] views = new ViewMaker.View[2];
        for (int v = 0; v < 2; v++) {
            float[] d = new float[4];
            for (int i = 0; i < 4; i++) {
                d[i] = sample.image().get(0, i / 2, i % 2) + (float) rng.nextDouble();
            }
            views[v] = new ViewMaker.View(1, 2, 2, d);
        }
        return views;
    };

    private static BatchLoader loader(ImageDataset ds, int batch, boolean dropLast, int threads) {
        return new BatchLoader(ds, NOISY, (epoch, index) -> new SplittableRandom(epoch * 1_000_003L + index),
                epoch -> shuffled(ds.size(), epoch), batch, dropLast, threads, 3);
    }

    private static int[] shuffled(int n, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static List<HostBatch> all(Iterator<HostBatch> it) {
        List<HostBatch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void batchesAreIdenticalForAnyThreadCount() {
        Counting ds = new Counting(50);
        try (BatchLoader one = loader(ds, 8, true, 1);
                BatchLoader four = loader(ds, 8, true, 4)) {
            List<HostBatch> a = all(one.epoch(2, 0));
            List<HostBatch> b = all(four.epoch(2, 0));
            assertThat(a).hasSize(6);
            assertThat(b).hasSize(6);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).indices()).containsExactly(a.get(i).indices());
                assertThat(b.get(i).views()[0]).containsExactly(a.get(i).views()[0]);
                assertThat(b.get(i).views()[1]).containsExactly(a.get(i).views()[1]);
            }
        }
    }

    @Test
    void batchHoldsTheSamplesOfTheEpochOrderWithTheirLabels() {
        Counting ds = new Counting(10);
        try (BatchLoader l = loader(ds, 4, false, 2)) {
            List<HostBatch> batches = all(l.epoch(1, 0));
            assertThat(batches).extracting(HostBatch::size).containsExactly(4, 4, 2);
            int[] order = shuffled(10, 1);
            HostBatch second = batches.get(1);
            for (int i = 0; i < 4; i++) {
                int index = order[4 + i];
                assertThat(second.indices()[i]).isEqualTo(index);
                assertThat(second.labels()[i]).isEqualTo(index % 3);
                // value = pixel (the index) + a draw in [0, 1)
                assertThat(second.views()[0][i * 4]).isBetween((float) index, index + 1f);
            }
            assertThat(second.viewShape()).containsExactly(4, 1, 2, 2);
            // the two views draw different noise from one stream
            assertThat(second.views()[0]).isNotEqualTo(second.views()[1]);
        }
    }

    @Test
    void resumingAtABatchGivesTheRemainingBatchesUnchanged() {
        Counting ds = new Counting(40);
        try (BatchLoader l = loader(ds, 8, true, 2)) {
            List<HostBatch> full = all(l.epoch(3, 0));
            List<HostBatch> resumed = all(l.epoch(3, 2));
            assertThat(resumed).hasSize(full.size() - 2);
            for (int i = 0; i < resumed.size(); i++) {
                assertThat(resumed.get(i).batchIndex()).isEqualTo(i + 2);
                assertThat(resumed.get(i).views()[1]).containsExactly(full.get(i + 2).views()[1]);
            }
        }
    }

    @Test
    void readerErrorsReachTheConsumerWithTheirMessage() {
        Counting ds = new Counting(14);
        try (BatchLoader l = new BatchLoader(ds, NOISY, (e, i) -> new SplittableRandom(i),
                e -> java.util.stream.IntStream.range(0, 14).toArray(), 7, true, 2, 2)) {
            Iterator<HostBatch> it = l.epoch(0, 0);
            assertThat(it.next().size()).isEqualTo(7);
            assertThatThrownBy(it::next).hasMessageContaining("broken.png");
        }
    }

    @Test
    void rejectsBadSettings() {
        Counting ds = new Counting(4);
        assertThatThrownBy(() -> loader(ds, 0, true, 1)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> loader(ds, 2, true, 0)).hasMessageContaining("threads");
        try (BatchLoader l = loader(ds, 2, true, 1)) {
            assertThatThrownBy(() -> l.epoch(0, 3)).hasMessageContaining("start batch");
        }
    }
}
