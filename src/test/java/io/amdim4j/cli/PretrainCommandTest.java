package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.train.Checkpoint;
import io.amdim4j.train.TinyCifar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amdim pretrain}'s run control from the command line. */
class PretrainCommandTest {

    /** 10 training images at batch 4: 2 updates per epoch (the partial batch is dropped). */
    private static final int EPOCHS = 20;
    private static final int UPDATES = 2 * EPOCHS;

    @TempDir
    Path dir;

    private static String[] pretrain(Path cifar, Path run, String... more) {
        List<String> args = new ArrayList<>(List.of("pretrain", "--dataset", "cifar10:" + cifar, "--ndf", "8",
                "--n-rkhs", "32", "--n-depth", "1", "--batch-size", "4", "--epochs", String.valueOf(EPOCHS),
                "--warmup", "3", "--lr", "0.002", "--seed", "5", "--no-test", "--no-progress", "--keep-checkpoints", "2",
                "--run-dir", run.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * A budget of 30 ms stops the run long before its 40 updates (which take far longer on any machine),
     * with a checkpoint at the update where it stopped that resumes to the losses of a run without a budget.
     * Nothing asserts on how long anything took.
     */
    @Test
    void minutesStopsTheRunWithAGoodCheckpoint() throws IOException {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 2, 4, 3);
        Path budget = dir.resolve("budget");
        CliRunner stopped = CliRunner.run(pretrain(cifar, budget, "--minutes", "0.0005"));
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        Matcher m = Pattern.compile("stopped at update (\\d+) \\(epoch \\d+\\); checkpoint (\\S+)").matcher(stopped.out());
        assertThat(m.find()).as(stopped.out()).isTrue();
        int k = Integer.parseInt(m.group(1));
        assertThat(k).as("updates done within the budget").isLessThan(UPDATES);
        RunDirectory run = new RunDirectory(budget);
        assertThat(Path.of(m.group(2))).isEqualTo(run.checkpoint(k));
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThat(Checkpoint.read(run.checkpoint(k), manager).cursor().step()).isEqualTo(k);
        }

        CliRunner resumed = CliRunner.run("pretrain", "--resume", budget.toString(), "--steps", String.valueOf(k + 2),
                "--no-progress");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Path straight = dir.resolve("straight");
        assertThat(CliRunner.run(pretrain(cifar, straight, "--steps", String.valueOf(k + 2))).exitCode()).isZero();
        List<Double> a = losses(new RunDirectory(straight));
        assertThat(a).hasSize(k + 2);
        assertThat(losses(run)).containsExactlyElementsOf(a);
    }

    /**
     * A start that fails on bad data (an undecodable image found while training) leaves config.json,
     * .lock and an empty metrics.jsonl: the same --run-dir is accepted again once the data is fixed.
     */
    @Test
    void aStartThatFailedBeforeItsFirstUpdateDoesNotBlockTheRetry() throws IOException {
        Path folder = dir.resolve("folder");
        for (String split : new String[] {"train", "test"}) {
            for (int c = 0; c < 2; c++) {
                Path classDir = Files.createDirectories(folder.resolve(split).resolve("c" + c));
                for (int i = 0; i < 5; i++) {
                    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 32,
                            java.awt.image.BufferedImage.TYPE_INT_RGB);
                    image.setRGB(i, c, 0xFFFFFF);
                    javax.imageio.ImageIO.write(image, "png", classDir.resolve(i + ".png").toFile());
                }
            }
        }
        Path broken = folder.resolve("train/c1/3.png");
        byte[] good = Files.readAllBytes(broken);
        Files.write(broken, java.util.Arrays.copyOf(good, 20)); // a truncated PNG: the header, no image
        Path runDir = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of(pretrain(dir, runDir, "--steps", "2")));
        int at = args.indexOf("cifar10:" + dir);
        args.set(at, "folder:" + folder);
        CliRunner failed = CliRunner.run(args.toArray(String[]::new));
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(2);
        assertThat(failed.err()).contains(broken.getFileName().toString());
        assertThat(new RunDirectory(runDir).config()).exists(); // the failed start had begun writing the run

        Files.write(broken, good);
        CliRunner retried = CliRunner.run(args.toArray(String[]::new));
        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(losses(new RunDirectory(runDir))).hasSize(2);
    }

    /** A run with recorded updates but no checkpoint yet (killed early) is still not overwritten by a start. */
    @Test
    void aRunWithRecordedUpdatesIsNotReplacedByANewStart() throws IOException {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 2, 4, 3);
        RunDirectory run = new RunDirectory(Files.createDirectories(dir.resolve("run")));
        Files.writeString(run.config(), "{}");
        try (MetricsLog log = MetricsLog.openAt(run.metrics(), 0)) {
            log.append(MetricsRecord.step(1, 0, 4.2, java.util.Map.of(), null, null, 1e-3, 10));
        }
        CliRunner again = CliRunner.run(pretrain(cifar, run.root(), "--steps", "2"));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a run");
        assertThat(losses(run)).containsExactly(4.2);
        assertThat(Files.readString(run.config())).isEqualTo("{}");
    }

    private static List<Double> losses(RunDirectory run) throws IOException {
        assertThat(Files.exists(run.metrics())).isTrue();
        return MetricsLog.read(run.metrics(), false).stream().filter(r -> r.kind().equals(MetricsRecord.STEP))
                .map(MetricsRecord::loss).toList();
    }
}
