package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.WithNDManager;
import io.amdim4j.run.EvalReport;
import io.amdim4j.run.EvalResult;
import io.amdim4j.run.SeedOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label fractions × seeds × protocols on frozen features (spec §6.3). */
class FrozenEvaluationTest extends WithNDManager {

    static EvalConfig smallConfig() {
        return EvalConfig.defaults()
                .withSeeds(2, 5)
                .withLabelFractions(List.of(LabelFraction.of(0.2), LabelFraction.ALL))
                .withProbes(new LinearEval.Settings(List.of(1e-4, 1e-2), 50), MlpEval.Settings.defaults(),
                        new KnnEval.Settings(List.of(5), 0.07, 64));
    }

    private FrozenEvaluation evaluation() {
        return new FrozenEvaluation(smallConfig(), new ClippedCrossEntropyForTests(), manager, line -> { });
    }

    @Test
    void reportsEveryProtocolAtEveryFractionOverTheSeeds() {
        Features train = SyntheticFeatures.blobs(50, 3, 8, 6, 1);
        Features test = SyntheticFeatures.blobs(30, 3, 8, 6, 2);
        EvalReport report = evaluation().evaluate("m", "r1", train, test);
        assertThat(report.trainCount()).isEqualTo(150);
        assertThat(report.testCount()).isEqualTo(90);
        assertThat(report.numClasses()).isEqualTo(3);
        assertThat(report.results()).extracting(EvalResult::protocol, EvalResult::labelFraction)
                .containsExactly(
                        tuple("linear", 0.2),
                        tuple("knn-k5", 0.2),
                        tuple("linear", 1.0),
                        tuple("knn-k5", 1.0));
        long[] seeds = smallConfig().probeSeeds();
        for (EvalResult result : report.results()) {
            assertThat(result.seeds()).extracting(SeedOutcome::seed).containsExactly(seeds[0], seeds[1]);
            assertThat(result.mean()).isGreaterThanOrEqualTo(0.97);
            double[] a = result.accuracies();
            assertThat(result.mean()).isCloseTo((a[0] + a[1]) / 2, within(1e-12));
            assertThat(result.std()).isCloseTo(Math.abs(a[0] - a[1]) / Math.sqrt(2), within(1e-12));
            assertThat(result.featureSet()).isEqualTo("r1");
        }
        assertThat(report.result("linear", 0.2).orElseThrow().seeds().get(0).hyperparameters())
                .containsKeys(LinearEval.L2, GridSelection.VALIDATION_ACCURACY);
    }

    @Test
    void eachFitIsLoggedWithItsAccuracyAndKnnOnceForAllLabels() {
        List<String> log = new ArrayList<>();
        EvalReport report = new FrozenEvaluation(smallConfig(), new ClippedCrossEntropyForTests(), manager, log::add)
                .evaluate("m", "r1", SyntheticFeatures.blobs(50, 3, 8, 6, 1), SyntheticFeatures.blobs(30, 3, 8, 6, 2));
        // 20%: linear and kNN for each of the two subsets; 100%: linear per seed, kNN once (same rows)
        assertThat(log).hasSize(7);
        assertThat(log).filteredOn(line -> line.contains("knn-k5")).hasSize(3);
        double linear = report.result("linear", 1.0).orElseThrow().seeds().get(1).accuracy();
        assertThat(log.get(6)).startsWith(String.format(Locale.ROOT,
                "m: 100%% labels, seed 2 of 2: linear %.2f%% (", 100 * linear));
        assertThat(log.get(0)).startsWith("m: 20% labels, seed 1 of 2: linear ");
    }

    @Test
    void unlabelledTrainingRowsAreDroppedAndUnlabelledTestRowsRefused() {
        Features blobs = SyntheticFeatures.blobs(20, 2, 4, 6, 1);
        int[] labels = blobs.labels().clone();
        labels[0] = -1;
        labels[1] = -1;
        Features partly = new Features(blobs.values(), blobs.count(), blobs.dimension(), labels);
        Features test = SyntheticFeatures.blobs(10, 2, 4, 6, 2);
        EvalConfig knnOnly = smallConfig().withProtocols(List.of(EvalConfig.Protocol.KNN));
        FrozenEvaluation evaluation = new FrozenEvaluation(knnOnly, new ClippedCrossEntropyForTests(), manager, line -> { });
        assertThat(evaluation.evaluate("m", "r1", partly, test).trainCount()).isEqualTo(38);
        assertThatThrownBy(() -> evaluation.evaluate("m", "r1", test, partly))
                .hasMessageContaining("2 of 40 test rows are unlabelled");
    }

    @Test
    void aSeedIndependentProtocolRunsOncePerSubset() {
        Features train = SyntheticFeatures.blobs(20, 2, 4, 6, 1);
        Features test = SyntheticFeatures.blobs(10, 2, 4, 6, 2);
        EvalConfig config = smallConfig().withSeeds(3, 1);
        KnnEval knn = new KnnEval(config.knn(), manager);
        List<Integer> subsetSizes = new ArrayList<>();
        ProbeProtocol counting = new ProbeProtocol() {
            @Override
            public List<ProbeOutcome> evaluate(Features tr, Features te, int k, long seed) {
                subsetSizes.add(tr.count());
                return knn.evaluate(tr, te, k, seed);
            }

            @Override
            public boolean dependsOnSeed() {
                return false;
            }
        };
        EvalReport report = new FrozenEvaluation(config, List.of(counting), manager, line -> { }).evaluate("m", "r1", train, test);
        // three seeded 20% subsets (8 rows each), then the full 40 rows once for all three seeds
        assertThat(subsetSizes).containsExactly(8, 8, 8, 40);
        EvalResult all = report.result("knn-k5", 1.0).orElseThrow();
        assertThat(all.seeds()).hasSize(3);
        assertThat(all.std()).isZero();
        assertThat(all.seeds().get(0).hyperparameters()).isEqualTo(Map.of(KnnEval.K, 5.0, KnnEval.TEMPERATURE, 0.07));
    }

    @Test
    void meanAndSampleStandardDeviationOverSeeds() {
        EvalResult r = EvalResult.of("linear", "r1", 1.0, List.of(
                new SeedOutcome(1, 0.5, Map.of()), new SeedOutcome(2, 0.7, Map.of()), new SeedOutcome(3, 0.9, Map.of())));
        assertThat(r.mean()).isCloseTo(0.7, within(1e-12));
        assertThat(r.std()).isCloseTo(0.2, within(1e-12));
        assertThat(EvalResult.of("linear", "r1", 1.0, List.of(new SeedOutcome(1, 0.5, Map.of()))).std()).isZero();
        assertThatThrownBy(() -> EvalResult.of("linear", "r1", 1.0, List.of())).hasMessageContaining("at least one seed");
    }
}
