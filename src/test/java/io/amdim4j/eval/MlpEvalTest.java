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
        return new MlpEval(new MlpEval.Settings(grid, 15, 64, 3e-3, 32), 0.1, new ClippedCrossEntropyForTests(),
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
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(), 1, 4, 1e-3, 8)).hasMessageContaining("weightDecayGrid");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 0, 4, 1e-3, 8)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 1, 1, 1e-3, 8)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 1, 4, 0, 8)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new MlpEval.Settings(List.of(1e-5), 1, 4, 1e-3, 0)).hasMessageContaining("hiddenUnits");
    }
}
