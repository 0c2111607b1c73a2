package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DataConfig;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import io.amdim4j.loss.MixtureConfig;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke, resume and guard tests of pre-training on a tiny configuration (solo-learn style). */
class PretrainingTest {

    @TempDir
    static Path data;

    @TempDir
    Path runs;

    @BeforeAll
    static void writeData() throws IOException {
        TinyCifar.write(data.resolve("cifar"), 16, 24, 11);
    }

    static TrainConfig tiny(long steps, int epochs, boolean test, double lr) {
        return tiny(data.resolve("cifar"), steps, epochs, test, lr);
    }

    /** ndf 8, n_rkhs 32, n_depth 1, batch 8, seed 5 on a TinyCifar directory. */
    static TrainConfig tiny(Path cifar, long steps, int epochs, boolean test, double lr) {
        DataConfig d = new DataConfig(DatasetSpec.parse("cifar10:" + cifar), Split.TRAIN, Split.TEST, 5);
        EncoderConfig enc = new EncoderConfig(32, 3, 8, 32, 1, false);
        OptimConfig optim = OptimConfig.forEpochs(epochs).withWarmup(3).withLr(lr);
        return new TrainConfig(d, enc, AugmentConfig.cifar32(), NceConfig.defaults(), MixtureConfig.defaults(), optim,
                epochs, steps, 8, 2, 0, 2, test, 2, PrecisionConfig.fp32());
    }

    /** A resume that only moves the step limit. */
    static UnaryOperator<TrainConfig> untilStep(long steps) {
        return c -> new ResumeChanges(steps, null, null, null, null, null, null, null, null, null).applyTo(c);
    }

    private static Pretraining.Options quiet() {
        return new Pretraining.Options(false, new PrintWriter(new StringWriter()));
    }

    private static List<MetricsRecord> steps(Path run) throws IOException {
        return MetricsLog.read(new RunDirectory(run).metrics(), false).stream()
                .filter(r -> r.kind().equals(MetricsRecord.STEP)).toList();
    }

    @Test
    void lossIsFiniteAndFallsAndTheRunDirectoryIsComplete() throws IOException {
        Path run = runs.resolve("smoke");
        Pretraining.Outcome out = Pretraining.start(tiny(0, 3, true, 2e-3), run, quiet());
        assertThat(out.cursor()).isEqualTo(new TrainingCursor(30, 3, 0));
        List<MetricsRecord> records = steps(run);
        assertThat(records).hasSize(30);
        assertThat(records).allSatisfy(r -> assertThat(r.loss()).isFinite());
        double first = records.subList(0, 5).stream().mapToDouble(MetricsRecord::loss).average().orElseThrow();
        double last = records.subList(25, 30).stream().mapToDouble(MetricsRecord::loss).average().orElseThrow();
        assertThat(last).isLessThan(first);
        List<MetricsRecord> epochs = MetricsLog.read(new RunDirectory(run).metrics(), false).stream()
                .filter(r -> r.kind().equals(MetricsRecord.EPOCH)).toList();
        assertThat(epochs).extracting(MetricsRecord::epoch).containsExactly(0, 1, 2);
        assertThat(epochs).allSatisfy(r -> assertThat(r.testAccLinear()).isBetween(0.0, 1.0));
        ConfigJson<TrainConfig> config = ConfigJson.read(new RunDirectory(run).config(), TrainConfig.class);
        assertThat(config.config()).isEqualTo(tiny(0, 3, true, 2e-3));
        assertThat(config.provenance().javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(config.datasetChecksum()).startsWith("sha256:");
        assertThat(new RunDirectory(run).checkpointsNewestFirst()).hasSize(2);
    }

    @Test
    void stopAndResumeGivesTheSameLossesAsOneRun() throws IOException {
        Path straight = runs.resolve("straight");
        Path split = runs.resolve("split");
        Pretraining.start(tiny(14, 3, false, 2e-3), straight, quiet());
        Pretraining.start(tiny(6, 3, false, 2e-3), split, quiet());
        Pretraining.Outcome resumed = Pretraining.resume(split, untilStep(14), quiet());
        assertThat(resumed.cursor().step()).isEqualTo(14);
        List<MetricsRecord> a = steps(straight);
        List<MetricsRecord> b = steps(split);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).loss()).as("loss at step %d", i + 1).isEqualTo(a.get(i).loss());
            assertThat(b.get(i).terms()).isEqualTo(a.get(i).terms());
        }
    }

    @Test
    void resumeFallsBackPastADamagedCheckpointAndRefusesAnOccupiedDirectory() throws IOException {
        Path run = runs.resolve("damaged");
        TrainConfig config = tiny(6, 3, false, 2e-3);
        Pretraining.start(config, run, quiet());
        RunDirectory dir = new RunDirectory(run);
        assertThatThrownBy(() -> Pretraining.start(config, run, quiet())).hasMessageContaining("--resume");
        List<Path> ckpts = dir.checkpointsNewestFirst();
        assertThat(ckpts).hasSize(1); // epoch 0 not finished in 6 updates of 10; only the stop checkpoint
        // write an older good one by resuming to 8 (stop at 8), then damage the newest
        Pretraining.resume(run, untilStep(8), quiet());
        Path newest = dir.checkpointsNewestFirst().get(0);
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(newest, bytes);
        StringWriter log = new StringWriter();
        Pretraining.Outcome out = Pretraining.resume(run, untilStep(10), new Pretraining.Options(false, new PrintWriter(log)));
        assertThat(log.toString()).contains("skipping damaged checkpoint").contains(newest.getFileName().toString())
                .contains("resuming").contains("update 6");
        assertThat(out.cursor().step()).isEqualTo(10);
    }

    @Test
    void aNonFiniteLossStopsTheRunNamingTheUpdateAndTheCheckpoint() {
        Path run = runs.resolve("nan");
        assertThatThrownBy(() -> Pretraining.start(tiny(0, 3, false, 1e12), run, quiet()))
                .isInstanceOf(NonFiniteLossException.class)
                .hasMessageContaining("not finite at update")
                .hasMessageContaining("Last good checkpoint");
    }
}
