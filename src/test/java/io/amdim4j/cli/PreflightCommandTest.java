package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunJson;
import io.amdim4j.preflight.Preflight;
import io.amdim4j.train.TinyCifar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight as the commands use it, with real child JVMs (the suite switches it off for every
 * other test): an explicit combination whose child dies by a real signal is refused before the run
 * directory exists, and the verdict is recorded in config.json and in the benchmark JSON.
 */
class PreflightCommandTest {

    @TempDir
    Path dir;

    private Properties saved;

    @BeforeEach
    void preflightOnWithItsOwnCache() {
        saved = (Properties) System.getProperties().clone();
        System.setProperty(Preflight.MODE_PROPERTY, "on");
        System.setProperty(Preflight.CACHE_PROPERTY, dir.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    private static String[] pretrain(Path cifar, Path run, String... more) {
        List<String> args = new ArrayList<>(List.of("pretrain", "--dataset", "cifar10:" + cifar, "--ndf", "4",
                "--n-rkhs", "16", "--n-depth", "1", "--batch-size", "4", "--steps", "1", "--no-test", "--no-progress",
                "--precision", "fp32", "--memory-format", "contiguous", "--run-dir", run.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void anExplicitCombinationWhoseChildDiesIsRefusedWithExit2BeforeTheRunDirectoryExists() throws Exception {
        System.setProperty(Preflight.TEST_CRASH_PROPERTY, "fp32/contiguous:SIGSEGV");
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 2, 4, 3);
        Path run = dir.resolve("run");

        CliRunner r = CliRunner.run(pretrain(cifar, run));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString()
                .contains("preflight: fp32 contiguous crashed in a child JVM (SIGSEGV", "crash report")
                .doesNotContain("Exception");
        assertThat(run).doesNotExist();

        CliRunner bench = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1",
                "--batch", "2", "--steps", "1", "--warmup", "0", "--precision", "fp32", "--memory-format",
                "contiguous", "--json");
        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.out()).isEmpty();
        assertThat(bench.err()).contains("SIGSEGV");
    }

    @Test
    void configJsonRecordsTheVerdictAndASecondRunFindsItInTheCache() throws Exception {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 2, 4, 3);
        Path first = dir.resolve("first");
        CliRunner r = CliRunner.run(pretrain(cifar, first));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode verdict = RunJson.mapper().readTree(new RunDirectory(first).config().toFile()).get("preflight");
        assertThat(verdict.get("status").asText()).isEqualTo(Preflight.PROVEN);
        assertThat(verdict.get("ran").asText()).isEqualTo("fp32 contiguous");
        assertThat(verdict.has("fell_back_from")).isFalse();

        Path second = dir.resolve("second");
        assertThat(CliRunner.run(pretrain(cifar, second)).exitCode()).isZero();
        assertThat(RunJson.mapper().readTree(new RunDirectory(second).config().toFile()).at("/preflight/status")
                .asText()).isEqualTo(Preflight.CACHED);
    }

    @Test
    void aResumeEvalAndEmbedAreRefusedWhenTheRunsPrecisionCrashesOnThisMachine() throws Exception {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 2, 4, 3);
        Path run = dir.resolve("run");
        assertThat(CliRunner.run(pretrain(cifar, run)).exitCode()).isZero();
        String config = java.nio.file.Files.readString(new RunDirectory(run).config());
        System.setProperty(Preflight.TEST_CRASH_PROPERTY, "fp32/contiguous:SIGSEGV");

        CliRunner resumed = CliRunner.run("pretrain", "--resume", run.toString(), "--steps", "2", "--no-progress");
        assertThat(resumed.exitCode()).isEqualTo(2);
        assertThat(resumed.err()).contains("preflight: fp32 contiguous crashed in a child JVM (SIGSEGV");
        assertThat(new RunDirectory(run).checkpoint(2)).doesNotExist();
        assertThat(java.nio.file.Files.readString(new RunDirectory(run).config())).isEqualTo(config); // no resume recorded

        CliRunner eval = CliRunner.run("eval", "--run-dir", run.toString(), "--dataset", "cifar10:" + cifar,
                "--precision", "fp32", "--memory-format", "contiguous", "--batch", "4", "--bn-batches", "0");
        assertThat(eval.exitCode()).isEqualTo(2);
        assertThat(eval.err()).contains("SIGSEGV");
        Path out = dir.resolve("embeddings");
        CliRunner embed = CliRunner.run("embed", "--run-dir", run.toString(), "--dataset", "cifar10:" + cifar,
                "--precision", "fp32", "--out", out.toString(), "--batch", "4", "--no-progress");
        assertThat(embed.exitCode()).isEqualTo(2);
        assertThat(embed.err()).contains("SIGSEGV");
        assertThat(out).doesNotExist();
    }

    @Test
    void theBenchmarkJsonRecordsTheVerdict() throws Exception {
        CliRunner r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1",
                "--batch", "2", "--steps", "1", "--warmup", "0", "--precision", "fp32", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.at("/preflight/status").asText()).isEqualTo(Preflight.PROVEN);
        assertThat(json.at("/preflight/ran").asText()).isEqualTo("fp32 contiguous");
    }
}
