package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.WithNDManager;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.run.EvalTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The comparison table: the same protocols on every method. */
class BaselinesTest extends WithNDManager {

    /** Batches of 1×2×2 "images" that are separable Gaussian blobs. */
    private static List<HostBatch> images(long seed, int perClass) {
        Features f = SyntheticFeatures.blobs(perClass, 4, 4, 6, seed);
        List<HostBatch> out = new ArrayList<>();
        for (int from = 0; from < f.count(); from += 16) {
            int[] rows = IntStream.range(from, Math.min(f.count(), from + 16)).toArray();
            Features part = f.subset(rows);
            out.add(new HostBatch(0, from / 16, new float[][] {part.values()}, 1, 2, 2, part.labels(), rows));
        }
        return out;
    }

    /** A method whose features ignore the image: a chance-level baseline. */
    private static final class Noise implements FeatureSource {
        @Override
        public String name() {
            return "noise";
        }

        @Override
        public String featureSetName() {
            return "noise";
        }

        @Override
        public Features extract(Iterator<HostBatch> batches) {
            List<Integer> labels = new ArrayList<>();
            batches.forEachRemaining(b -> {
                for (int label : b.labels()) {
                    labels.add(label);
                }
            });
            Features noise = SyntheticFeatures.noise(labels.size(), 4, 4, labels.size());
            return new Features(noise.values(), noise.count(), 4, labels.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void tableHasOneRowPerMethodProtocolAndFraction() {
        FrozenEvaluation evaluation = new FrozenEvaluation(FrozenEvaluationTest.smallConfig()
                .withLabelFractions(List.of(LabelFraction.ALL)), new ClippedCrossEntropyForTests(), manager, line -> { });
        List<EvalTable.Row> rows = new Baselines(evaluation).compare(List.of(new RawPixelFeatures(), new Noise()),
                () -> images(1, 60).iterator(), () -> images(2, 50).iterator());
        assertThat(rows).extracting(EvalTable.Row::method, EvalTable.Row::protocol).containsExactly(
                tuple("pixels", "linear"),
                tuple("pixels", "knn-k5"),
                tuple("noise", "linear"),
                tuple("noise", "knn-k5"));
        assertThat(rows.get(0).mean()).isGreaterThanOrEqualTo(0.97);
        assertThat(rows.get(2).mean()).isBetween(0.1, 0.45); // chance is 0.25 on 200 test images
        assertThat(rows).allSatisfy(r -> assertThat(r.seeds()).isEqualTo(2));
    }

    @Test
    void methodNamesMustDiffer() {
        FrozenEvaluation evaluation = new FrozenEvaluation(FrozenEvaluationTest.smallConfig(),
                new ClippedCrossEntropyForTests(), manager, line -> { });
        assertThatThrownBy(() -> new Baselines(evaluation).evaluate(List.of(new RawPixelFeatures(), new RawPixelFeatures()),
                () -> images(1, 5).iterator(), () -> images(2, 5).iterator())).hasMessageContaining("'pixels'");
    }
}
