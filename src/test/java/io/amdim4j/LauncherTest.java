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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.amdim4j.preflight.Preflight;
import io.amdim4j.preflight.PreflightChild;
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

    /**
     * A real JVM crash under the launcher's options: the fake {@code java} runs the real one with every
     * option the launcher gives, but instead of the jar a main that raises SIGSEGV on itself (the
     * preflight's test-only switch). The report goes to {@code $TMPDIR/amdim-crash-reports}, one line
     * says where, and the working directory stays clean.
     */
    @Test
    void aJvmThatCrashesLeavesItsReportInTheTemporaryDirectoryAndSaysWhere() throws Exception {
        String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String combination = "{\"device\":\"cpu\",\"precision\":{\"requested\":\"fp32\",\"precision\":\"fp32\","
                + "\"memory_format\":\"contiguous\"},\"encoder\":{\"input_size\":32,\"num_channels\":3,\"ndf\":4,"
                + "\"n_rkhs\":16,\"n_depth\":1,\"use_bn\":false},\"batch\":2}";
        Files.writeString(dir.resolve("combination.json"), combination);
        // the launcher's options up to -jar, then the crashing main in place of the jar and its arguments
        Path java = bin.resolve("java");
        script(java, "");
        Files.writeString(java, "#!/bin/bash\nopts=(); for a in \"$@\"; do [ \"$a\" = -jar ] && break; opts+=(\"$a\"); done\n"
                + "exec " + realJava + " \"${opts[@]}\" -cp " + System.getProperty("java.class.path") + " -D"
                + Preflight.TEST_CRASH_PROPERTY + "=fp32/contiguous:SIGSEGV " + PreflightChild.class.getName()
                + " \"$(cat " + dir.resolve("combination.json") + ")\"\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process p = builder(List.of(launcher.toString(), "summary"), Map.of("TMPDIR", tmp.toString()))
                .directory(work.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(out).isEqualTo(134); // SIGABRT, after the JVM's fatal-error handler
        Matcher m = Pattern.compile("(?m)^amdim: the JVM crashed \\(pid (\\d+)\\), its report is (\\S+)$").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        Path report = Path.of(m.group(2));
        assertThat(report).isEqualTo(tmp.resolve("amdim-crash-reports").resolve("hs_err_pid" + m.group(1) + ".log"));
        assertThat(Files.readString(report)).contains("SIGSEGV");
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
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
