package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.bench.StepFlops;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.run.RunJson;
import org.junit.jupiter.api.Test;

class BenchTrainStepCommandTest {

    @Test
    void aTinyConfigurationEmitsOneJsonObjectWithTheFiguresOfTheIssue() throws Exception {
        CliRunner r = CliRunner.run("bench", "train-step", "--input-size", "32", "--ndf", "4", "--n-rkhs", "16",
                "--n-depth", "1", "--batch", "4", "--steps", "3", "--warmup", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        double median = json.get("median_s_per_step").asDouble();
        assertThat(median).isPositive();
        assertThat(json.get("pairs_per_second").asDouble()).isCloseTo(4 / median, within(1e-6 * 4 / median));
        double gflop = StepFlops.perUpdate(new EncoderConfig(32, 3, 4, 16, 1, false), 4, 10) / 1e9;
        assertThat(json.get("gflop_per_step").asDouble()).isCloseTo(gflop, within(1e-12));
        assertThat(json.get("gflops_per_second").asDouble()).isCloseTo(gflop / median, within(1e-6 * gflop / median));
        assertThat(json.get("peak_rss_mb").asDouble()).isPositive();
        assertThat(json.get("s_per_step")).hasSize(3);
        assertThat(json.get("last_loss").asDouble()).isPositive().isFinite();
        assertThat(json.get("precision").asText()).isEqualTo("fp32");
        assertThat(json.get("batch").asInt()).isEqualTo(4);
        assertThat(json.get("ndf").asInt()).isEqualTo(4);
    }

    @Test
    void textOutputNamesTheConfigurationAndTheRate() {
        CliRunner r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1",
                "--batch", "2", "--steps", "1", "--warmup", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ndf 4, n_rkhs 16, n_depth 1", "batch 2 pairs", "pairs/s", "GFLOP/s",
                "peak resident memory");
    }

    @Test
    void profileWritesATraceAndAttributesTheUpdateToConvolutions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path trace = dir.resolve("trace.json");
        CliRunner r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1",
                "--batch", "4", "--steps", "2", "--warmup", "1", "--json", "--profile", trace.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(trace).isNotEmptyFile();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.get("profile_ms_per_step").asDouble()).isPositive();
        JsonNode top = json.get("profile_top_ops");
        assertThat(top).isNotEmpty();
        java.util.List<String> ops = new java.util.ArrayList<>();
        top.forEach(op -> ops.add(op.get("op").asText()));
        assertThat(ops).anyMatch(op -> op.contains("ConvolutionBackward")).anyMatch(op -> op.contains("conv2d"));
        double shares = 0;
        for (JsonNode op : top) {
            shares += op.get("share").asDouble();
        }
        assertThat(shares).isPositive().isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void bf16EndsWithOneLineSayingWhy() {
        CliRunner r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--precision", "bf16");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("bf16").contains("DJL").doesNotContain("\tat ");
    }

    @Test
    void anUnknownPrecisionIsAParameterError() {
        CliRunner r = CliRunner.run("bench", "train-step", "--precision", "fp8");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("fp32 or bf16");
    }
}
