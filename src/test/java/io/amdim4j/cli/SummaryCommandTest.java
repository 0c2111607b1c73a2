package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SummaryCommandTest {

    @ParameterizedTest
    @CsvSource({"3, 20033024", "10, 31960576"})
    void jsonHasTheSpecsParameterCounts(int depth, long expected) throws Exception {
        CliRunner r = CliRunner.run("summary", "--input-size", "32", "--ndf", "128", "--n-rkhs", "1024",
                "--n-depth", String.valueOf(depth), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.get("encoder_parameters").asLong()).isEqualTo(expected);
        assertThat(json.get("r1_shape").toString()).isEqualTo("[1024]");
        assertThat(json.get("r5_shape").toString()).isEqualTo("[1024,5,5]");
        assertThat(json.get("r7_shape").toString()).isEqualTo("[1024,7,7]");
        long sum = 0;
        for (JsonNode layer : json.get("layers")) {
            sum += layer.get("parameters").asLong();
        }
        assertThat(sum).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"64, 1024", "128, 2048"})
    void largerInputsHaveTheSameTapShapes(int size, int rkhs) throws Exception {
        CliRunner r = CliRunner.run("summary", "--input-size", String.valueOf(size), "--ndf", "64",
                "--n-rkhs", String.valueOf(rkhs), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = RunJson.mapper().readTree(r.out());
        assertThat(json.get("r5_shape").toString()).isEqualTo("[" + rkhs + ",5,5]");
        assertThat(json.get("r7_shape").toString()).isEqualTo("[" + rkhs + ",7,7]");
    }

    @Test
    void tablePrintsTotalsAndRejectsTooNarrowEmbeddings() {
        CliRunner ok = CliRunner.run("summary");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("encoder parameters: 20,033,024").contains("rkhs_block_7");
        CliRunner bad = CliRunner.run("summary", "--input-size", "128", "--ndf", "320", "--n-rkhs", "1280");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).containsIgnoringCase("n_rkhs");
    }
}
