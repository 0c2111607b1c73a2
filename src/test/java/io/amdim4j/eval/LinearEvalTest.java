package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.WithNDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linear probe on problems with a known answer (spec §6.3). */
class LinearEvalTest extends WithNDManager {

    private LinearEval linear(LinearEval.Settings settings) {
        return new LinearEval(settings, 0.1, new ClippedCrossEntropyForTests(), manager);
    }

    @Test
    void separableBlobsAreClassifiedPerfectly() {
        Features train = SyntheticFeatures.blobs(100, 4, 16, 8, 1);
        Features test = SyntheticFeatures.blobs(50, 4, 16, 8, 2);
        ProbeOutcome outcome = linear(LinearEval.Settings.defaults()).evaluate(train, test, 4, 7).get(0);
        assertThat(outcome.protocol()).isEqualTo(LinearEval.NAME);
        assertThat(outcome.accuracy()).isGreaterThanOrEqualTo(0.99);
        assertThat(LinearEval.Settings.DEFAULT_L2_GRID).contains(outcome.hyperparameters().get(LinearEval.L2));
        assertThat(outcome.hyperparameters().get(GridSelection.VALIDATION_ACCURACY)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void noiseFeaturesScoreChance() {
        Features train = SyntheticFeatures.noise(2000, 10, 32, 3);
        Features test = SyntheticFeatures.noise(1000, 10, 32, 4);
        double accuracy = linear(LinearEval.Settings.defaults()).evaluate(train, test, 10, 7).get(0).accuracy();
        // chance is 0.1; the standard error over 1000 test rows is about 0.01
        assertThat(accuracy).isBetween(0.05, 0.16);
    }

    @Test
    void randomLabelsOnSeparableFeaturesScoreChance() {
        Features train = SyntheticFeatures.relabelled(SyntheticFeatures.blobs(200, 4, 16, 8, 5), 4, 11);
        Features test = SyntheticFeatures.relabelled(SyntheticFeatures.blobs(200, 4, 16, 8, 6), 4, 12);
        double accuracy = linear(LinearEval.Settings.defaults()).evaluate(train, test, 4, 7).get(0).accuracy();
        // chance is 0.25; the standard error over 800 test rows is about 0.015
        assertThat(accuracy).isBetween(0.18, 0.33);
    }

    @Test
    void sameSeedGivesTheSameOutcome() {
        Features train = SyntheticFeatures.blobs(40, 3, 8, 1.5, 8);
        Features test = SyntheticFeatures.blobs(40, 3, 8, 1.5, 9);
        LinearEval probe = linear(new LinearEval.Settings(List.of(1e-4, 1e-2), 50));
        assertThat(probe.evaluate(train, test, 3, 5)).isEqualTo(probe.evaluate(train, test, 3, 5));
    }

    @Test
    void theTestLabelsDoNotInfluenceTheChoice() {
        Features train = SyntheticFeatures.blobs(60, 3, 8, 1.0, 21);
        Features test = SyntheticFeatures.blobs(60, 3, 8, 1.0, 22);
        Features scrambled = SyntheticFeatures.relabelled(test, 3, 23);
        LinearEval probe = linear(new LinearEval.Settings(List.of(1e-6, 1e-3, 1e-1), 60));
        ProbeOutcome real = probe.evaluate(train, test, 3, 5).get(0);
        ProbeOutcome fake = probe.evaluate(train, scrambled, 3, 5).get(0);
        assertThat(fake.hyperparameters()).isEqualTo(real.hyperparameters());
        assertThat(fake.accuracy()).isNotEqualTo(real.accuracy());
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new LinearEval.Settings(List.of(), 10)).hasMessageContaining("l2Grid");
        assertThatThrownBy(() -> new LinearEval.Settings(List.of(-1.0), 10)).hasMessageContaining("l2Grid");
        assertThatThrownBy(() -> new LinearEval.Settings(List.of(0.0), 0)).hasMessageContaining("maxIterations");
    }
}
