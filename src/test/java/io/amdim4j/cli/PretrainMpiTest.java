package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.dist.MpiExec;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.train.Pretraining;
import io.amdim4j.train.RunMetrics;
import io.amdim4j.train.TinyCifar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mpiexec -n 2 amdim pretrain}: two real ranks, one engine thread each, on a tiny CIFAR. */
class PretrainMpiTest {

    /** The bound for the other ranks to end after one is killed; a hang guard, not a timing. */
    private static final long LOST_RANK_SECONDS = 60;
    private static final Pattern RANK_1_PID = Pattern.compile("rank 1 of 2 is pid (\\d+)");

    @TempDir
    Path dir;

    private List<String> pretrain(Path cifar, String... more) {
        List<String> args = new ArrayList<>(List.of(Main.class.getName(), "pretrain", "--dataset", "cifar10:" + cifar,
                "--ndf", "8", "--n-rkhs", "32", "--n-depth", "1", "--batch-size", "4", "--epochs", "2", "--warmup",
                "3", "--lr", "0.002", "--seed", "5", "--checkpoint-every", "1", "--keep-checkpoints", "2",
                "--no-test", "--no-progress"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void aKilledRankEndsTheJobAndTheRunResumesToTheLossesOfAnUninterruptedRun() throws Exception {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 16, 8, 3); // 80 images: 10 updates of 2 × 4 per epoch
        Path straight = dir.resolve("straight");
        String out = MpiExec.succeed(MpiExec.command(2, pretrain(cifar, "--run-dir", straight.toString(), "--steps", "12")),
                dir.resolve("straight.log"));
        assertThat(out).containsOnlyOnce("stopped at update 12"); // rank 0 alone prints

        Path killed = dir.resolve("killed");
        Path log = dir.resolve("killed.log");
        Process job = MpiExec.start(MpiExec.command(2, pretrain(cifar, "--run-dir", killed.toString())), log);
        RunDirectory run = new RunDirectory(killed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MpiExec.TIMEOUT_SECONDS);
        while (job.isAlive() && RunMetrics.logged(run) < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(job.isAlive()).as("the job ended before a rank could be killed: %s", Files.readString(log)).isTrue();
        Matcher pid = RANK_1_PID.matcher(Files.readString(log));
        assertThat(pid.find()).as("rank 1 announced its pid: %s", Files.readString(log)).isTrue();
        ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow().destroyForcibly(); // kill -9 of rank 1
        assertThat(job.waitFor(LOST_RANK_SECONDS, TimeUnit.SECONDS)).as("the job ended after rank 1 died").isTrue();
        assertThat(job.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("PID " + pid.group(1)); // mpiexec names the lost process

        // a single process cannot continue a two-process run (its data cursor counts global batches of 8)
        assertThatThrownBy(() -> Pretraining.resume(killed, c -> c,
                new Pretraining.Options(false, new PrintWriter(new StringWriter()))))
                .hasMessageContaining("trained by 2 process(es) of batch 4 each")
                .hasMessageContaining("mpiexec -n 2");

        MpiExec.succeed(MpiExec.command(2, List.of(Main.class.getName(), "pretrain", "--resume", killed.toString(),
                "--steps", "12", "--no-progress")), dir.resolve("resumed.log"));
        List<MetricsRecord> a = RunMetrics.steps(new RunDirectory(straight));
        List<MetricsRecord> b = RunMetrics.steps(run);
        assertThat(b).extracting(MetricsRecord::step).containsExactlyElementsOf(a.stream().map(MetricsRecord::step).toList());
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).loss()).as("loss at update %d", i + 1).isEqualTo(a.get(i).loss());
        }
    }

    @Test
    void ranksStartedWithDifferentOptionsStopBeforeWritingAnything() throws Exception {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 4, 4, 3);
        Path runDir = dir.resolve("run");
        List<String> rank0 = pretrain(cifar, "--run-dir", runDir.toString());
        List<String> rank1 = new ArrayList<>(rank0);
        rank1.set(rank1.indexOf("--seed") + 1, "6");
        MpiExec.Result r = MpiExec.run(MpiExec.command(List.of(rank0, rank1)), dir.resolve("job.log"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("rank(s) [1] of 2 were started with another configuration than rank 0");
        assertThat(runDir.resolve("config.json")).doesNotExist();
    }
}
