package io.amdim4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.augment.FloatImage;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.augment.TwoViewAugmenter;
import io.amdim4j.augment.TwoViews;
import io.amdim4j.data.EpochShuffle;
import io.amdim4j.data.SeedStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PretrainBatchesTest {

    private static final SeedStreams SEED = new SeedStreams(20_190_601L);
    private static final int BATCH = 8;
    private static final int EPOCH = 3;

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(AugmentConfig.cifar32(), new RandomImages(37, 3, 32)),
                Arguments.of(AugmentConfig.gray28(), new RandomImages(37, 1, 28)));
    }

    private static List<HostBatch> all(Iterator<HostBatch> it) {
        List<HostBatch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Bit patterns, so equality is byte equality (no -0.0 == 0.0, no NaN surprises). */
    private static int[] bits(float[] values) {
        return IntStream.range(0, values.length).map(i -> Float.floatToRawIntBits(values[i])).toArray();
    }

    private static void assertSameBatches(List<HostBatch> expected, List<HostBatch> actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int b = 0; b < expected.size(); b++) {
            HostBatch e = expected.get(b);
            HostBatch a = actual.get(b);
            assertThat(a.batchIndex()).isEqualTo(e.batchIndex());
            assertThat(a.indices()).containsExactly(e.indices());
            assertThat(a.labels()).containsExactly(e.labels());
            assertThat(a.views()).hasNumberOfRows(e.views().length);
            for (int v = 0; v < e.views().length; v++) {
                assertThat(bits(a.views()[v])).as("batch %d view %d", b, v).containsExactly(bits(e.views()[v]));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void sameSeedGivesIdenticalBatchesWithOneAndFourThreads(AugmentConfig family, RandomImages data) {
        try (BatchLoader one = PretrainBatches.training(data, family, SEED, BATCH, 1);
                BatchLoader four = PretrainBatches.training(data, family, SEED, BATCH, 4)) {
            List<HostBatch> a = all(one.epoch(EPOCH, 0));
            List<HostBatch> b = all(four.epoch(EPOCH, 0));
            assertThat(a).hasSize(data.size() / BATCH);
            assertThat(a.get(0).views()).hasNumberOfRows(2);
            assertThat(a.get(0).viewShape()).containsExactly(BATCH, family.channels(), 32, 32);
            assertSameBatches(a, b);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void aDifferentSeedGivesDifferentBatches(AugmentConfig family, RandomImages data) {
        try (BatchLoader a = PretrainBatches.training(data, family, SEED, BATCH, 2);
                BatchLoader b = PretrainBatches.training(data, family, new SeedStreams(SEED.seed() + 1), BATCH, 2)) {
            HostBatch x = a.epoch(EPOCH, 0).next();
            HostBatch y = b.epoch(EPOCH, 0).next();
            assertThat(y.indices()).isNotEqualTo(x.indices());
            assertThat(bits(y.views()[0])).isNotEqualTo(bits(x.views()[0]));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void resumingAtBatchKGivesTheTailOfTheFullEpoch(AugmentConfig family, RandomImages data) {
        int k = 2;
        try (BatchLoader full = PretrainBatches.training(data, family, SEED, BATCH, 3);
                BatchLoader resumed = PretrainBatches.training(data, family, SEED, BATCH, 1)) {
            List<HostBatch> whole = all(full.epoch(EPOCH, 0));
            List<HostBatch> tail = all(resumed.epoch(EPOCH, k));
            assertSameBatches(whole.subList(k, whole.size()), tail);
        }
    }

    @Test
    void trainingBatchesAreTheAugmentersViewsOfTheShuffledImages() {
        AugmentConfig family = AugmentConfig.cifar32();
        RandomImages data = new RandomImages(20, 3, 32);
        int[] order = new EpochShuffle(SEED.derive(PretrainBatches.SHUFFLE_PURPOSE)).order(EPOCH, data.size());
        SeedStreams draws = SEED.derive(PretrainBatches.AUGMENT_PURPOSE);
        TwoViewAugmenter augmenter = new TwoViewAugmenter(family);
        try (BatchLoader loader = PretrainBatches.training(data, family, SEED, BATCH, 2)) {
            assertThat(loader.batchesPerEpoch()).isEqualTo(2); // 20 images, the last 4 dropped
            List<HostBatch> batches = all(loader.epoch(EPOCH, 0));
            int stride = 3 * 32 * 32;
            for (HostBatch batch : batches) {
                for (int i = 0; i < batch.size(); i++) {
                    int index = order[batch.batchIndex() * BATCH + i];
                    assertThat(batch.indices()[i]).isEqualTo(index);
                    assertThat(batch.labels()[i]).isEqualTo(index % RandomImages.CLASSES);
                    TwoViews pair = augmenter.apply(data.get(index).image(), draws.forSample(EPOCH, index));
                    assertThat(Arrays.copyOfRange(batch.views()[0], i * stride, (i + 1) * stride))
                            .containsExactly(pair.x1().data());
                    assertThat(Arrays.copyOfRange(batch.views()[1], i * stride, (i + 1) * stride))
                            .containsExactly(pair.x2().data());
                }
            }
        }
    }

    @Test
    void trainingShufflesDifferentlyEachEpoch() {
        RandomImages data = new RandomImages(32, 1, 28);
        try (BatchLoader loader = PretrainBatches.training(data, AugmentConfig.gray28(), SEED, BATCH, 1)) {
            int[] first = all(loader.epoch(0, 0)).stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
            int[] second = all(loader.epoch(1, 0)).stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
            assertThat(first).containsExactlyInAnyOrder(IntStream.range(0, 32).toArray());
            assertThat(second).containsExactlyInAnyOrder(IntStream.range(0, 32).toArray());
            assertThat(second).isNotEqualTo(first);
        }
    }

    @Test
    void testingVisitsEveryImageOnceInOrderWithTheTestTransform() {
        AugmentConfig family = AugmentConfig.gray28();
        RandomImages data = new RandomImages(19, 1, 28);
        TestTransform transform = new TestTransform(family);
        try (BatchLoader loader = PretrainBatches.testing(data, family, BATCH, 3)) {
            List<HostBatch> batches = all(loader.epoch(0, 0));
            assertThat(batches).extracting(HostBatch::size).containsExactly(8, 8, 3);
            int stride = 32 * 32;
            int next = 0;
            for (HostBatch batch : batches) {
                assertThat(batch.views()).hasNumberOfRows(1);
                for (int i = 0; i < batch.size(); i++, next++) {
                    assertThat(batch.indices()[i]).isEqualTo(next);
                    FloatImage expected = transform.apply(data.get(next).image());
                    assertThat(Arrays.copyOfRange(batch.views()[0], i * stride, (i + 1) * stride))
                            .containsExactly(expected.data());
                }
            }
            assertThat(next).isEqualTo(data.size());
            List<HostBatch> again = all(loader.epoch(5, 0));
            assertSameBatches(batches.stream().map(b -> withEpoch(b, 5)).toList(), again);
        }
    }

    private static HostBatch withEpoch(HostBatch b, int epoch) {
        return new HostBatch(epoch, b.batchIndex(), b.views(), b.channels(), b.height(), b.width(), b.labels(),
                b.indices());
    }

    @Test
    void rejectsABatchLargerThanTheTrainingSetAndNoThreads() {
        RandomImages data = new RandomImages(5, 3, 32);
        assertThatThrownBy(() -> PretrainBatches.training(data, AugmentConfig.cifar32(), SEED, 8, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch size 8").hasMessageContaining("5 images");
        assertThatThrownBy(() -> PretrainBatches.testing(data, AugmentConfig.cifar32(), 8, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }
}
