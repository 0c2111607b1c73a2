package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.WithNDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Temperature-weighted cosine kNN (InstDisc / solo-learn). */
class KnnEvalTest extends WithNDManager {

    /** Class 0 at 0° and 5°, class 1 at 30°, and a far class 2 at 180°, all on the unit circle. */
    private static Features circle() {
        return Features.of(new float[][] {unit(0), unit(5), unit(30), unit(180)}, new int[] {0, 0, 1, 2});
    }

    private static float[] unit(double degrees) {
        double r = Math.toRadians(degrees);
        // scaled by 3: cosine similarity must not depend on the norm
        return new float[] {(float) (3 * Math.cos(r)), (float) (3 * Math.sin(r))};
    }

    @Test
    void votesMatchAHandComputedExample() {
        Features train = circle();
        Features query = Features.of(new float[][] {unit(25)}, new int[] {1});
        double t = 0.07;
        float[] shares = new KnnEval(new KnnEval.Settings(List.of(3), t, 256), manager)
                .votes(train, query, 3)[0][0];
        // the 3 nearest: 30° (class 1), 5° and 0° (class 0)
        double w1 = Math.exp(Math.cos(Math.toRadians(5)) / t);
        double w0 = Math.exp(Math.cos(Math.toRadians(20)) / t) + Math.exp(Math.cos(Math.toRadians(25)) / t);
        assertThat((double) shares[0]).isCloseTo(w0 / (w0 + w1), within(1e-5));
        assertThat((double) shares[1]).isCloseTo(w1 / (w0 + w1), within(1e-5));
        assertThat(shares[2]).isZero();
    }

    @Test
    void lowTemperatureLetsTheNearestNeighbourOutvoteTheMajority() {
        Features train = circle();
        Features query = Features.of(new float[][] {unit(25)}, new int[] {1});
        double sharp = new KnnEval(new KnnEval.Settings(List.of(3), 0.07, 256), manager)
                .evaluate(train, query, 3, 0).get(0).accuracy();
        double flat = new KnnEval(new KnnEval.Settings(List.of(3), 10, 256), manager)
                .evaluate(train, query, 3, 0).get(0).accuracy();
        assertThat(sharp).isEqualTo(1.0); // exp(s/0.07): the 30° neighbour wins
        assertThat(flat).isEqualTo(0.0); // nearly equal weights: two class-0 votes win
    }

    @Test
    void wellSeparatedClustersAreClassifiedPerfectly() {
        Features train = SyntheticFeatures.blobs(100, 5, 16, 8, 1);
        Features test = SyntheticFeatures.blobs(40, 5, 16, 8, 2);
        KnnEval knn = new KnnEval(KnnEval.Settings.defaults(), manager);
        List<ProbeOutcome> outcomes = knn.evaluate(train, test, 5, 0);
        assertThat(outcomes).extracting(ProbeOutcome::protocol).containsExactly("knn-k20", "knn-k200");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.accuracy()).isGreaterThanOrEqualTo(0.99));
        assertThat(outcomes.get(1).hyperparameters()).containsEntry(KnnEval.K, 200.0)
                .containsEntry(KnnEval.TEMPERATURE, 0.07);
        assertThat(knn.dependsOnSeed()).isFalse();
    }

    @Test
    void noiseScoresChance() {
        Features train = SyntheticFeatures.noise(1000, 4, 16, 3);
        Features test = SyntheticFeatures.noise(800, 4, 16, 4);
        double accuracy = new KnnEval(KnnEval.Settings.defaults(), manager).evaluate(train, test, 4, 0)
                .get(1).accuracy();
        assertThat(accuracy).isBetween(0.18, 0.33);
    }

    @Test
    void blocksDoNotChangeTheVotes() {
        Features train = SyntheticFeatures.noise(60, 3, 8, 5);
        Features queries = SyntheticFeatures.noise(17, 3, 8, 6);
        float[][][] whole = new KnnEval(new KnnEval.Settings(List.of(1, 7), 0.1, 256), manager)
                .votes(train, queries, 3);
        float[][][] rows = new KnnEval(new KnnEval.Settings(List.of(1, 7), 0.1, 4), manager)
                .votes(train, queries, 3);
        for (int k = 0; k < 2; k++) {
            for (int q = 0; q < 17; q++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(rows[k][q][c]).isCloseTo(whole[k][q][c], within(1e-6f));
                }
            }
        }
        // k = 1: all weight on one class
        for (float[] row : whole[0]) {
            assertThat(row).containsOnly(0f, 1f);
        }
    }

    @Test
    void kIsClampedToTheTrainingRows() {
        Features train = SyntheticFeatures.blobs(10, 3, 8, 8, 1);
        ProbeOutcome outcome = new KnnEval(new KnnEval.Settings(List.of(200), 0.07, 256), manager)
                .evaluate(train, train, 3, 0).get(0);
        assertThat(outcome.hyperparameters()).containsEntry(KnnEval.K, 30.0);
    }

    @Test
    void rejectsBadSettingsAndInputs() {
        assertThatThrownBy(() -> new KnnEval.Settings(List.of(), 0.07, 1)).hasMessageContaining("kValues");
        assertThatThrownBy(() -> new KnnEval.Settings(List.of(0), 0.07, 1)).hasMessageContaining("k must");
        assertThatThrownBy(() -> new KnnEval.Settings(List.of(5, 5), 0.07, 1)).hasMessageContaining("repeats");
        assertThatThrownBy(() -> new KnnEval.Settings(List.of(5), 0, 1)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new KnnEval.Settings(List.of(5), 0.1, 0)).hasMessageContaining("blockSize");
        KnnEval knn = new KnnEval(KnnEval.Settings.defaults(), manager);
        Features narrow = SyntheticFeatures.noise(5, 2, 3, 1);
        Features wide = SyntheticFeatures.noise(5, 2, 4, 1);
        assertThatThrownBy(() -> knn.votes(narrow, wide, 2)).hasMessageContaining("wide");
    }
}
