package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunJson;
import io.amdim4j.run.RunLock;
import io.amdim4j.train.Pretraining;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pretrain --resume}: which options it takes, what it records, and one writer per run directory. */
class PretrainResumeTest {

    @TempDir
    static Path shared;

    private static RunDirectory template;

    @TempDir
    Path root;

    private RunDirectory run;

    @BeforeAll
    static void pretrain() throws IOException {
        template = TinyRun.pretrain(shared); // 2 updates, lr 2e-3, warm-up 1, 1 epoch, ndf 8
    }

    /** Each test gets its own copy of the finished run. */
    @BeforeEach
    void copyRun() throws IOException {
        run = new RunDirectory(root.resolve("run"));
        try (Stream<Path> all = Files.walk(template.root())) {
            for (Path p : all.toList()) {
                Files.copy(p, run.root().resolve(template.root().relativize(p).toString()));
            }
        }
    }

    @Test
    void anOptionThatDefinesTheRunIsRefusedNamingTheRunsValueAndNothingIsWritten() throws IOException {
        Map<String, String> before = files(run);
        CliRunner r = CliRunner.run("pretrain", "--resume", run.root().toString(), "--ndf", "64", "--seed", "7",
                "--lr", "0.5", "--no-progress");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n")
                .contains("--ndf (the run's: 8)").contains("--seed (the run's: 7)").doesNotContain("--lr (");
        assertThat(files(run)).isEqualTo(before);
    }

    @Test
    void stepsBelowTheRunsUpdateAreRefusedNamingBothAndNothingIsWritten() throws IOException {
        Map<String, String> before = files(run);
        CliRunner r = CliRunner.run("pretrain", "--resume", run.root().toString(), "--steps", "1", "--no-progress");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("--steps 1").contains("update " + TinyRun.STEPS).contains(run.root().toString());
        assertThat(files(run)).isEqualTo(before);
    }

    @Test
    void aChangedLearningRateAndLengthTakeEffectAndAreRecordedInTheHistory() throws IOException {
        CliRunner r = CliRunner.run("pretrain", "--resume", run.root().toString(), "--epochs", "3", "--steps", "4",
                "--lr", "0.004", "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<MetricsRecord> steps = MetricsLog.read(run.metrics(), false).stream()
                .filter(m -> m.kind().equals(MetricsRecord.STEP)).toList();
        assertThat(steps).extracting(MetricsRecord::step).containsExactly(1L, 2L, 3L, 4L);
        // past the one warm-up update and before the 3-epoch run's milestone (epoch 2): the new base rate itself
        assertThat(steps.get(1).lr()).isCloseTo(2e-3, within(1e-9));
        assertThat(steps.get(2).lr()).isCloseTo(4e-3, within(1e-9));
        assertThat(steps.get(3).lr()).isCloseTo(4e-3, within(1e-9));

        JsonNode config = RunJson.mapper().readTree(run.config().toFile());
        assertThat(config.at("/config/optim/lr").asDouble()).isEqualTo(4e-3);
        assertThat(config.at("/history")).hasSize(1);
        JsonNode entry = config.at("/history/0");
        assertThat(entry.at("/update").asLong()).isEqualTo(TinyRun.STEPS);
        assertThat(entry.at("/time").asText()).isNotEmpty();
        JsonNode changes = entry.at("/changes");
        assertThat(changes.get("optim.lr").get("from").asDouble()).isEqualTo(2e-3);
        assertThat(changes.get("optim.lr").get("to").asDouble()).isEqualTo(4e-3);
        assertThat(changes.get("epochs").get("to").asInt()).isEqualTo(3);
        assertThat(changes.get("max_steps").get("to").asInt()).isEqualTo(4);

        // --verbose is about the process, not the run: accepted, and no change to record
        CliRunner again = CliRunner.run("pretrain", "--resume", run.root().toString(), "--no-progress", "--verbose");
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode second = RunJson.mapper().readTree(run.config().toFile()).at("/history/1");
        assertThat(second.at("/update").asLong()).isEqualTo(4);
        assertThat(second.at("/changes").isEmpty()).isTrue();
    }

    @Test
    void theDeviceIsRecordedAndMayChangeOnResumeButNotToAGpuTheEngineLacks() throws IOException {
        Assumptions.assumeTrue(Engine.getInstance().getGpuCount() == 0, "a machine with a GPU could move the run");
        assertThat(RunJson.mapper().readTree(run.config().toFile()).at("/config/device").asText()).isEqualTo("cpu");
        Map<String, String> before = files(run);
        CliRunner gpu = CliRunner.run("pretrain", "--resume", run.root().toString(), "--device", "gpu", "--no-progress");
        assertThat(gpu.exitCode()).isEqualTo(2);
        assertThat(gpu.err().lines().findFirst().orElse("")).contains("--device")
                .contains("device gpu:0 is not available: the PyTorch engine sees no GPU");
        // the Java entry point checks the resumed device after the checkpoint named it, before writing
        assertThatThrownBy(() -> Pretraining.resume(run.root(), c -> c.withDevice(new ComputeDevice(0)),
                new Pretraining.Options(false, new PrintWriter(new StringWriter()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("device gpu:0 is not available");
        assertThat(files(run)).isEqualTo(before);

        CliRunner cpu = CliRunner.run("pretrain", "--resume", run.root().toString(), "--device", "cpu", "--steps",
                String.valueOf(TinyRun.STEPS + 1), "--no-progress");
        assertThat(cpu.exitCode()).as(cpu.err()).isZero();
        JsonNode config = RunJson.mapper().readTree(run.config().toFile());
        assertThat(config.at("/config/device").asText()).isEqualTo("cpu");
        assertThat(config.at("/history/0/changes").fieldNames()).toIterable().containsExactly("max_steps");
    }

    @Test
    void pretrainRefusesALockedRunDirectoryNamingTheHoldersPid() throws IOException {
        Map<String, String> before = files(run);
        long self = ProcessHandle.current().pid();
        try (RunLock held = RunLock.acquire(run)) {
            CliRunner resumed = CliRunner.run("pretrain", "--resume", run.root().toString(), "--no-progress");
            assertThat(resumed.exitCode()).isNotZero();
            assertThat(resumed.err()).contains(run.root().toString()).contains("pid " + self);

            Path fresh = root.resolve("fresh");
            Files.createDirectories(fresh);
            try (RunLock other = RunLock.acquire(new RunDirectory(fresh))) {
                CliRunner started = CliRunner.run("pretrain", "--dataset", "cifar10:" + shared.resolve("cifar"),
                        "--run-dir", fresh.toString(), "--no-progress");
                assertThat(started.exitCode()).isNotZero();
                assertThat(started.err()).contains(fresh.toString()).contains("pid " + self);
                assertThat(fresh.resolve("config.json")).doesNotExist();
            }
        }
        assertThat(files(run)).isEqualTo(before);
    }

    @Test
    void resumeItselfRefusesAConfigurationThatTrainsSomethingElse() throws IOException {
        Map<String, String> before = files(run);
        assertThatThrownBy(() -> Pretraining.resume(run.root(), c -> new TrainConfig(c.data(), c.encoder(),
                c.augment(), c.nce(), c.mixture(), c.optim(), c.epochs(), c.maxSteps(), 6, c.loaderThreads(),
                c.checkpointEvery(), c.keepCheckpoints(), c.testEachEpoch(), c.bnBatches(), c.precision()),
                new Pretraining.Options(false, new PrintWriter(new StringWriter()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch_size (the run has 4)");
        assertThat(files(run)).isEqualTo(before);
    }

    @Test
    void everyPretrainOptionIsEitherChangeableOnResumeOrHasTheRunsValueForItsRefusal() {
        Set<String> names = new HashSet<>();
        Main.commandLine().getSubcommands().get("pretrain").getCommandSpec().options().stream()
                .filter(o -> !o.inherited()).forEach(o -> names.add(o.longestName()));
        names.removeAll(List.of("--resume", "--help", "--version"));
        names.removeAll(ResumeOptions.MAY_CHANGE);
        assertThat(ResumeOptions.FIXED.keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    /** Every file of the run but the lock (whose pid a refused writer may rewrite), with its content. */
    private static Map<String, String> files(RunDirectory run) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(run.root())) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.equals(run.lock())).toList()) {
                out.put(run.root().relativize(p).toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
