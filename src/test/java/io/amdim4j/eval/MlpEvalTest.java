package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import io.amdim4j.WithNDManager;
import io.amdim4j.model.MlpProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MLP probe of spec §6.1 trained offline (§6.3), with a small hidden layer to stay fast. */
class MlpEvalTest extends WithNDManager {

    private MlpEval mlp(List<Double> grid) {
        return new MlpEval(new MlpEval.Settings(grid, 15, 64, 3e-3, 32, 0), 0.1, new ClippedCrossEntropyForTests(),
                manager);
    }

    @Test
    void separableBlobsAreClassifiedPerfectly() {
        Features train = SyntheticFeatures.blobs(100, 4, 16, 8, 1);
        Features test = SyntheticFeatures.blobs(50, 4, 16, 8, 2);
        ProbeOutcome outcome = mlp(List.of(1e-5, 1e-3)).evaluate(train, test, 4, 3).get(0);
        assertThat(outcome.protocol()).isEqualTo(MlpEval.NAME);
        assertThat(outcome.accuracy()).isGreaterThanOrEqualTo(0.99);
        assertThat(List.of(1e-5, 1e-3)).contains(outcome.hyperparameters().get(MlpEval.WEIGHT_DECAY));
    }

    @Test
    void noiseFeaturesScoreChance() {
        Features train = SyntheticFeatures.noise(1000, 4, 16, 3);
        Features test = SyntheticFeatures.noise(800, 4, 16, 4);
        double accuracy = mlp(List.of(1e-5)).evaluate(train, test, 4, 3).get(0).accuracy();
        assertThat(accuracy).isBetween(0.18, 0.33);
    }

    @Test
    void sameSeedGivesTheSamePredictions() {
        Features train = SyntheticFeatures.blobs(30, 3, 8, 1.5, 8);
        Features test = SyntheticFeatures.blobs(30, 3, 8, 1.5, 9);
        MlpEval probe = mlp(List.of(1e-5));
        assertThat(probe.fitAndPredict(train, test, 3, 1e-5, 42)).isEqualTo(probe.fitAndPredict(train, test, 3, 1e-5, 42));
    }

    @Test
    void headBatchNormScaleIsDrawnFromTheUnitInterval() {
        MlpProbe probe = mlp(List.of(1e-5)).newProbe(3);
        ProbeTrainer.initialise(probe, manager, 8, 1);
        float[] gamma = probe.getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.GAMMA)
                .findFirst().orElseThrow().getArray().toFloatArray();
        assertThat(gamma).hasSize(32);
        for (float g : gamma) {
            assertThat(g).isBetween(0f, 1f);
        }
        assertThat(gamma).doesNotContain(1f); // not the γ = 1 default of the online head
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(), 1, 4, 1e-3, 8, 0)).hasMessageContaining("weightDecayGrid");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 0, 4, 1e-3, 8, 0)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 1, 1, 1e-3, 8, 0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 1, 4, 0, 8, 0)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 1, 4, 1e-3, 0, 0)).hasMessageContaining("hiddenUnits");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 1, 4, 1e-3, 8, -1)).hasMessageContaining("minUpdates");
    }

    @Test
    void fewRowsGetMoreEpochsUntilTheMinimumNumberOfUpdates() {
        MlpEval.Settings settings = MlpEval.Settings.defaults();
        // all of CIFAR-10's 45,000 fit rows: 175 batches a pass, the default 10 passes
        assertThat(settings.epochsFor(ProbeTrainer.stepsPerEpoch(45_000, 256))).isEqualTo(10);
        // 1 %: 450 rows are one batch a pass, so 500 passes
        assertThat(settings.epochsFor(ProbeTrainer.stepsPerEpoch(450, 256))).isEqualTo(500);
        // 10 %: 17 batches a pass, rounded up to 30 passes (510 updates)
        assertThat(settings.epochsFor(ProbeTrainer.stepsPerEpoch(4_500, 256))).isEqualTo(30);
    }

    @Test
    void withTooFewUpdatesTheHeadIsUndertrainedAndTheMinimumFixesIt() {
        // 40 rows, batch 64: one update a pass; two passes learn little, the minimum of 300 learns the blobs
        Features train = SyntheticFeatures.blobs(10, 4, 16, 6, 5);
        Features test = SyntheticFeatures.blobs(100, 4, 16, 6, 6);
        MlpEval twoUpdates = new MlpEval(new MlpEval.Settings(List.of(1e-5), 2, 64, 1e-3, 32, 0), 0.1,
                new ClippedCrossEntropyForTests(), manager);
        MlpEval minimum = new MlpEval(new MlpEval.Settings(List.of(1e-5), 2, 64, 1e-3, 32, 300), 0.1,
                new ClippedCrossEntropyForTests(), manager);
        double few = twoUpdates.evaluate(train, test, 4, 1).get(0).accuracy();
        double enough = minimum.evaluate(train, test, 4, 1).get(0).accuracy();
        assertThat(enough).as("few %s, enough %s", few, enough).isGreaterThanOrEqualTo(0.95).isGreaterThan(few + 0.1);
    }
}
