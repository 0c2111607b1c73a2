package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.bench.StepFlops;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.run.RunJson;
import io.amdim4j.runtime.CpuFacts;
import io.amdim4j.runtime.InjectedCpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BenchTrainStepCommandTest {

    @Test
    void aTinyConfigurationEmitsOneJsonObjectWithTheFiguresOfTheIssue() throws Exception {
        CliRunner r = CliRunner.run("bench", "train-step", "--input-size", "32", "--ndf", "4", "--n-rkhs", "16",
                "--n-depth", "1", "--batch", "4", "--steps", "3", "--warmup", "1", "--precision", "fp32", "--device", "cpu", "--json");
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
        assertThat(json.get("precision_requested").asText()).isEqualTo("fp32");
        assertThat(json.get("memory_format").asText()).isEqualTo("contiguous");
        assertThat(json.get("device").asText()).isEqualTo("cpu");
        assertThat(json.get("busy_neighbour").asBoolean()).isFalse();
        assertThat(json.get("omp_wait_policy").asText())
                .isEqualTo(System.getenv().getOrDefault("OMP_WAIT_POLICY", BenchTrainStepCommand.UNSET));
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

    @ParameterizedTest
    @MethodSource("io.amdim4j.runtime.InjectedCpu#both")
    void autoIsResolvedFromTheCpuFlagsAndRecordedWithTheRequestAndTheBusyNeighbour(CpuFacts cpu) throws Exception {
        CliRunner r;
        try (InjectedCpu injected = InjectedCpu.with(cpu)) {
            r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1",
                    "--batch", "2", "--steps", "1", "--warmup", "0", "--precision", "auto", "--busy-neighbour", "--json");
        }
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.get("precision_requested").asText()).isEqualTo("auto");
        assertThat(json.get("precision").asText()).isEqualTo(cpu.nativeBf16() ? "bf16" : "fp32");
        assertThat(json.get("memory_format").asText()).isEqualTo(cpu.nativeBf16() ? "channels_last" : "contiguous");
        assertThat(json.get("last_loss").asDouble()).isPositive().isFinite();
        assertThat(json.get("busy_neighbour").asBoolean()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("busy-neighbour"));
    }

    @Test
    void theChannelsLastLayoutCanBeChosenWithFloat32() throws Exception {
        CliRunner r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1",
                "--batch", "2", "--steps", "1", "--warmup", "0", "--precision", "fp32", "--memory-format",
                "channels_last", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.get("memory_format").asText()).isEqualTo("channels_last");
        assertThat(json.get("last_loss").asDouble()).isPositive().isFinite();
    }

    @Test
    void bf16OnACpuWithoutItEndsWithOneLineNamingTheMissingFeature() {
        CliRunner r;
        try (InjectedCpu injected = InjectedCpu.with(InjectedCpu.NO_BF16)) {
            r = CliRunner.run("bench", "train-step", "--ndf", "4", "--n-rkhs", "16", "--precision", "bf16");
        }
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).contains("avx512_bf16").doesNotContain("\n").doesNotContain("\tat ");
    }

    @Test
    void anUnknownPrecisionOrLayoutIsAParameterErrorListingTheChoices() {
        CliRunner r = CliRunner.run("bench", "train-step", "--precision", "fp8");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--precision").contains("fp32, bf16, auto");
        CliRunner m = CliRunner.run("bench", "train-step", "--memory-format", "nhwc");
        assertThat(m.exitCode()).isEqualTo(2);
        assertThat(m.err()).contains("--memory-format").contains("contiguous, channels_last, auto");
    }

    @Test
    void primitivesListTheUpdatesOneDnnExecutionsFromAChildProcess() throws Exception {
        JsonNode json = tinyJson("--batch", "4", "--steps", "2", "--warmup", "1", "--precision", "fp32", "--primitives");
        assertThat(json.get("median_s_per_step").asDouble()).isPositive();
        JsonNode p = json.get("primitives");
        assertThat(p.get("updates").asInt()).isEqualTo(2);
        assertThat(p.get("ms_per_update").asDouble()).isPositive();
        java.util.Map<String, Double> calls = new java.util.HashMap<>();
        p.get("by_direction").forEach(row -> calls.put(row.get("kind").asText() + " " + row.get("direction").asText(),
                row.get("calls_per_update").asDouble()));
        // every convolution of the forward pass has its weight gradient in the backward pass
        assertThat(calls.get("convolution forward_training")).isPositive()
                .isEqualTo(calls.get("convolution backward_weights"));
        assertThat(p.get("by_shape").get(0).get("problem").asText()).isNotEmpty();
        assertThat(p.get("by_shape").get(0).get("impl").asText()).isNotEmpty();
    }

    /** The JSON of a successful bench of an ndf-4, n_rkhs-16, n_depth-1 encoder with the given options. */
    private static JsonNode tinyJson(String... options) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("bench", "train-step", "--ndf", "4",
                "--n-rkhs", "16", "--n-depth", "1", "--json"));
        args.addAll(java.util.List.of(options));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return RunJson.mapper().readTree(r.out());
    }
}
