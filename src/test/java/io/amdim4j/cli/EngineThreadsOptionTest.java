package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.Provenance;
import io.amdim4j.run.RunJson;
import io.amdim4j.runtime.EngineThreads;
import io.amdim4j.train.TinyCifar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine-threads auto} hands the engine's threads to a governor in pretrain and bench train-step. */
class EngineThreadsOptionTest {

    @TempDir
    Path dir;

    @Test
    void benchTrainStepRecordsThePolicyAndTheLastChoice() throws Exception {
        int before = EngineThreads.current();
        CliRunner r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1",
                "--batch", "2", "--steps", "4", "--warmup", "8", "--engine-threads", "auto", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.get("engine_threads_policy").asText()).isEqualTo("auto");
        assertThat(json.get("engine_threads_last").asInt()).isBetween(1, Provenance.engineThreads());
        assertThat(r.err()).contains("amdim bench train-step: engine threads chosen by timing the updates");
        assertThat(EngineThreads.current()).as("threads given back").isEqualTo(before);
    }

    @Test
    void fixedIsTheDefaultAndKeepsTheStartingThreads() throws Exception {
        CliRunner r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1",
                "--batch", "2", "--steps", "1", "--warmup", "0", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.get("engine_threads_policy").asText()).isEqualTo("fixed");
        assertThat(json.get("engine_threads_last").asInt()).isEqualTo(EngineThreads.current());
        assertThat(r.err()).doesNotContain("engine threads chosen");
    }

    @Test
    void pretrainWithAutoTrainsReportsTheGovernorAndMayBeGivenOnResume() throws Exception {
        int before = EngineThreads.current();
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 2, 4, 3);
        Path run = dir.resolve("run");
        CliRunner first = CliRunner.run("pretrain", "--dataset", "cifar10:" + cifar, "--ndf", "8", "--n-rkhs", "32",
                "--n-depth", "1", "--batch-size", "4", "--epochs", "2", "--no-test", "--no-progress",
                "--engine-threads", "auto", "--run-dir", run.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("amdim pretrain: engine threads chosen by timing the updates");
        assertThat(EngineThreads.current()).as("threads given back").isEqualTo(before);
        CliRunner resumed = CliRunner.run("pretrain", "--resume", run.toString(), "--epochs", "3", "--no-progress",
                "--engine-threads", "auto");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("stopped at update 6");
    }

    @Test
    void anUnknownPolicyIsAParameterErrorListingTheChoices() {
        CliRunner r = CliRunner.run("bench", "train-step", "--engine-threads", "4");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--engine-threads").contains("fixed, auto");
    }
}
