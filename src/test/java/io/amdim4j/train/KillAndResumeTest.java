package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.dist.SingleProcess;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.runtime.InjectedCpu;
import io.amdim4j.runtime.Precision;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.runtime.RuntimeRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real pre-training process with SIGKILL while it checkpoints after every update, then
 * resumes the run in this JVM: the run must continue from a good checkpoint and reproduce the
 * losses of an uninterrupted run. The child is told it runs on a CPU with native bf16, whatever CPU it
 * runs on (PyTorch computes bf16 in software where the CPU lacks it), so {@code --precision auto}
 * trains in bf16, and so does the uninterrupted run here.
 */
class KillAndResumeTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesFromAGoodCheckpointWithTheSameLosses() throws Exception {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 16, 8, 3);
        Path killed = dir.resolve("killed");
        List<String> args = List.of("pretrain", "--dataset", "cifar10:" + cifar, "--ndf", "8", "--n-rkhs", "32",
                "--n-depth", "1", "--batch-size", "8", "--epochs", "3", "--warmup", "3", "--lr", "0.002",
                "--seed", "5", "--checkpoint-every", "1", "--keep-checkpoints", "2", "--no-test", "--no-progress",
                "--loader-threads", "2");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + Integer.getInteger("ai.djl.pytorch.num_threads", 2),
                "io.amdim4j.cli.Main"));
        command.addAll(args);
        command.addAll(List.of("--run-dir", killed.toString()));
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        child.environment().putAll(InjectedCpu.environment(InjectedCpu.BF16));
        Process p = child.start();
        RunDirectory run = new RunDirectory(killed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        // wait for a few updates; then kill while it is writing a checkpoint after every update
        while (p.isAlive() && RunMetrics.logged(run) < 6 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the child process ended before it could be killed: %s",
                Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "").isTrue();
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.checkpointsNewestFirst()).isNotEmpty();

        Pretraining.Outcome resumed = Pretraining.resume(killed, PretrainingTest.untilStep(16), quiet());
        assertThat(resumed.cursor().step()).isEqualTo(16);

        Path straight = dir.resolve("straight");
        PrecisionConfig auto = RuntimeRequest.DEFAULT.resolve(InjectedCpu.BF16, SingleProcess.INSTANCE).precision();
        assertThat(auto.precision()).isEqualTo(Precision.BF16);
        assertThat(ConfigJson.read(run.config(), TrainConfig.class).config().precision()).as("the child's")
                .isEqualTo(auto);
        Pretraining.start(PretrainingTest.tiny(cifar, 16, 3, false, 2e-3).withPrecision(auto),
                straight, quiet());
        List<MetricsRecord> a = RunMetrics.steps(new RunDirectory(straight));
        List<MetricsRecord> b = RunMetrics.steps(run);
        assertThat(b).extracting(MetricsRecord::step).containsExactlyElementsOf(a.stream().map(MetricsRecord::step).toList());
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).loss()).as("loss at update %d", i + 1).isEqualTo(a.get(i).loss());
        }
    }

    private static Pretraining.Options quiet() {
        return new Pretraining.Options(false, new PrintWriter(new StringWriter()));
    }
}
