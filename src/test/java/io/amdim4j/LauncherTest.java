package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code amdim} launcher as mpiexec starts it, several at once on one host: a copy of it in an empty
 * project, with a {@code java} that prints its arguments and an {@code mvn} that logs when it builds.
 */
class LauncherTest {

    @TempDir
    Path dir;

    private Path launcher;
    private Path bin;
    private Path buildLog;

    @BeforeEach
    void fakeProject() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        launcher = Files.copy(Path.of("amdim"), project.resolve("amdim"));
        Files.createDirectories(project.resolve("src/main"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        bin = Files.createDirectories(dir.resolve("bin"));
        buildLog = dir.resolve("builds.log");
        script(bin.resolve("java"), "echo \"$@\"");
        // never makes the jar, so every launcher that takes the lock builds
        script(bin.resolve("mvn"), "echo start >> " + buildLog + "; sleep 1; echo end >> " + buildLog);
    }

    @Test
    void ranksOnOneHostShareItsCoresAndAnExplicitThreadCountWins() throws Exception {
        int cores = Integer.parseInt(run(List.of("nproc"), Map.of()).trim());
        assertThat(run(List.of(launcher.toString(), "summary"), Map.of()))
                .contains("-Dai.djl.pytorch.num_threads=" + cores + " ");
        assertThat(run(List.of(launcher.toString(), "summary"), Map.of("MPI_LOCALNRANKS", "2")))
                .contains("-Dai.djl.pytorch.num_threads=" + Math.max(1, cores / 2) + " ");
        assertThat(run(List.of(launcher.toString(), "summary"), Map.of("MPI_LOCALNRANKS", String.valueOf(4 * cores))))
                .contains("-Dai.djl.pytorch.num_threads=1 ");
        assertThat(run(List.of(launcher.toString(), "summary"), Map.of("MPI_LOCALNRANKS", "2", "AMDIM_THREADS", "3")))
                .contains("-Dai.djl.pytorch.num_threads=3 ");
    }

    @Test
    void localRanksRunsTheCommandUnderMpiexecThroughTheLauncherWithoutTheOption() throws Exception {
        script(bin.resolve("mpiexec"), "echo mpiexec \"$@\"");
        // the fake build says "amdim: building ..." first
        assertThat(lastLine(run(List.of(launcher.toString(), "pretrain", "--local-ranks", "2", "--steps", "3"), Map.of())))
                .isEqualTo("mpiexec -n 2 " + launcher + " pretrain --steps 3");
        assertThat(lastLine(run(List.of(launcher.toString(), "bench", "train-step", "--local-ranks=3"), Map.of())))
                .isEqualTo("mpiexec -n 3 " + launcher + " bench train-step");
        // one rank is the ordinary process
        assertThat(run(List.of(launcher.toString(), "pretrain", "--local-ranks", "1", "--steps", "3"), Map.of()))
                .doesNotContain("mpiexec", "--local-ranks").contains(" pretrain --steps 3");
    }

    @Test
    void localRanksRefusesABadCountAndANestedJob() throws Exception {
        script(bin.resolve("mpiexec"), "echo mpiexec \"$@\"");
        for (String bad : List.of("0", "two", "")) {
            Process p = builder(List.of(launcher.toString(), "pretrain", "--local-ranks", bad), Map.of()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isEqualTo(2);
            assertThat(lastLine(out)).isEqualTo("amdim: --local-ranks needs a whole number of ranks >= 1, got '" + bad + "'");
        }
        Process p = builder(List.of(launcher.toString(), "pretrain", "--local-ranks", "2"), Map.of("PMI_RANK", "0"))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).contains("inside an MPI job");
    }

    @Test
    void launchersStartedTogetherBuildOneAfterTheOther() throws Exception {
        List<Process> ranks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ranks.add(builder(List.of(launcher.toString(), "summary"), Map.of()).start());
        }
        for (Process p : ranks) {
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        assertThat(Files.readAllLines(buildLog)).containsExactly("start", "end", "start", "end");
    }

    private ProcessBuilder builder(List<String> command, Map<String, String> env) {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().remove("MPI_LOCALNRANKS");
        b.environment().remove("SLURM_NTASKS_PER_NODE");
        b.environment().remove("AMDIM_THREADS");
        b.environment().remove("PMI_RANK");
        b.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        b.environment().putAll(env);
        return b;
    }

    private String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Process p = builder(command, env).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
