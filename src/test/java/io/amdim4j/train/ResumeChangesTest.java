package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.model.EncoderConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a resume may change, and how the differences are named; no engine needed. */
class ResumeChangesTest {

    private static final ResumeChanges NONE = new ResumeChanges(null, null, null, null, null, null, null, null, null, null);

    private final TrainConfig run = PretrainingTest.tiny(Path.of("cifar"), 6, 12, true, 2e-3);

    @Test
    void nothingGivenKeepsTheRunAsItIs() {
        assertThat(NONE.applyTo(run)).isEqualTo(run);
        assertThat(ConfigDiff.between(run, NONE.applyTo(run))).isEmpty();
    }

    @Test
    void newEpochsRescaleTheMilestonesAndKeepTheOtherSettings() {
        TrainConfig longer = new ResumeChanges(null, 30, 5e-4, null, null, null, null, null, null, null).applyTo(run);
        assertThat(run.optim().milestones()).containsExactly(10, 11); // ⌊5·12/6⌋, ⌊14·12/15⌋
        assertThat(longer.optim().milestones()).containsExactly(25, 28);
        assertThat(longer.epochs()).isEqualTo(30);
        assertThat(ConfigDiff.between(run, longer)).extracting(ConfigDiff.Change::field)
                .containsExactlyInAnyOrder("epochs", "optim.lr", "optim.milestones");
        ConfigDiff.Change lr = ConfigDiff.between(run, longer).stream()
                .filter(c -> c.field().equals("optim.lr")).findFirst().orElseThrow();
        assertThat(lr.from().asDouble()).isEqualTo(2e-3);
        assertThat(lr.to().asDouble()).isEqualTo(5e-4);
    }

    @Test
    void theImagenetScheduleIsKeptAt128Px() {
        assertThat(OptimConfig.forEpochs(50, EncoderConfig.IMAGENET_SIZE).milestones()).containsExactly(30, 45);
        assertThat(OptimConfig.forEpochs(300, EncoderConfig.CIFAR_SIZE).milestones()).containsExactly(250, 280);
    }

    @Test
    void aChangeOfTheModelIsRefusedNamingTheFieldAndTheRunsValue() {
        EncoderConfig e = run.encoder();
        TrainConfig wider = new TrainConfig(run.data(), new EncoderConfig(e.inputSize(), e.numChannels(), 4,
                e.nRkhs(), e.nDepth(), e.useBn()), run.augment(), run.nce(), run.mixture(), run.optim(), run.epochs(),
                9, run.batchSize(), run.loaderThreads(), run.checkpointEvery(), run.keepCheckpoints(),
                run.testEachEpoch(), run.bnBatches(), run.precision());
        List<ConfigDiff.Change> changes = ConfigDiff.between(run, wider);
        assertThat(changes).extracting(ConfigDiff.Change::field).containsExactly("encoder.ndf", "max_steps");
        assertThatThrownBy(() -> ResumeChanges.requireResumable(changes))
                .hasMessageContaining("encoder.ndf (the run has 8)").hasMessageNotContaining("max_steps");
    }

    @Test
    void everyResumableChangePasses() {
        TrainConfig changed = new ResumeChanges(20L, 4, 1e-3, 7, 3, 5, 4, false, 1, new ComputeDevice(0)).applyTo(run);
        List<ConfigDiff.Change> changes = ConfigDiff.between(run, changed);
        assertThat(changes).extracting(ConfigDiff.Change::field)
                .containsExactlyInAnyOrderElementsOf(ResumeChanges.FIELDS);
        ResumeChanges.requireResumable(changes);
    }
}
