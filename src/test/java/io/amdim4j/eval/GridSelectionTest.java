package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hyper-parameter choice on a validation split of the training features only. */
class GridSelectionTest {

    private static final Features TRAIN = SyntheticFeatures.blobs(30, 3, 4, 2, 1);
    private static final Features TEST = SyntheticFeatures.blobs(20, 3, 4, 2, 2);

    /** A fake probe that records what it sees; value 0.5 predicts perfectly, others predict class 0. */
    private static final class Recording implements GridSelection.Candidate {
        final List<Features[]> calls = new ArrayList<>();
        final double good;

        Recording(double good) {
            this.good = good;
        }

        @Override
        public int[] fitAndPredict(Features fit, Features predict, double value, long fitSeed) {
            calls.add(new Features[] {fit, predict});
            return value == good ? predict.labels().clone() : new int[predict.count()];
        }
    }

    private static Set<String> rows(Features f) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < f.count(); i++) {
            out.add(Arrays.toString(f.row(i)));
        }
        return out;
    }

    @Test
    void choosesOnTrainingRowsAndScoresTestOnce() {
        Recording probe = new Recording(0.5);
        ProbeOutcome outcome = GridSelection.selectAndScore("p", "v", List.of(0.1, 0.5, 2.0), 0.2, TRAIN, TEST, 3, probe);
        assertThat(outcome.hyperparameters()).containsEntry("v", 0.5).containsEntry(GridSelection.VALIDATION_ACCURACY, 1.0);
        assertThat(outcome.accuracy()).isEqualTo(1.0);
        assertThat(probe.calls).hasSize(4);
        Set<String> train = rows(TRAIN);
        Set<String> test = rows(TEST);
        for (Features[] call : probe.calls.subList(0, 3)) {
            assertThat(train).containsAll(rows(call[0])).containsAll(rows(call[1]));
            assertThat(rows(call[0])).doesNotContainAnyElementsOf(rows(call[1]));
            assertThat(rows(call[1])).doesNotContainAnyElementsOf(test);
            assertThat(call[1].count()).isEqualTo(18); // 20% of 30 per class
        }
        Features[] last = probe.calls.get(3);
        assertThat(last[0]).isSameAs(TRAIN);
        assertThat(last[1]).isSameAs(TEST);
    }

    @Test
    void tiesGoToTheLargerValue() {
        GridSelection.Choice choice = GridSelection.choose(List.of(3.0, 1.0, 2.0), TRAIN, 0.2, 1, 1, new Recording(-1));
        assertThat(choice.value()).isEqualTo(3.0);
        assertThat(choice.validationAccuracy()).isEqualTo(1.0 / 3);
    }

    @Test
    void aSingleValueNeedsNoValidation() {
        Recording probe = new Recording(0.5);
        ProbeOutcome outcome = GridSelection.selectAndScore("p", "v", List.of(0.5), 0.2, TRAIN, TEST, 3, probe);
        assertThat(probe.calls).hasSize(1);
        assertThat(outcome.hyperparameters()).containsOnlyKeys("v");
    }

    @Test
    void refusesAnEmptyValidationSplit() {
        Features tiny = SyntheticFeatures.blobs(1, 3, 4, 2, 1);
        assertThatThrownBy(() -> GridSelection.choose(List.of(1.0, 2.0), tiny, 0.2, 1, 1, new Recording(1)))
                .hasMessageContaining("no validation row");
    }
}
