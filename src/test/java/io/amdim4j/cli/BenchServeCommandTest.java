package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.WithTinyRun;
import org.junit.jupiter.api.Test;

/** {@code amdim bench serve} on the tiny index, without the browser (ServePageTest drives that). */
class BenchServeCommandTest extends WithTinyRun {

    @Test
    void eachClientCountGetsOnePassOfAnsweredQueries() throws Exception {
        TinyServedIndex tiny = TinyServedIndex.get();
        CliRunner r = TinyServedIndex.expectOk(CliRunner.run("bench", "serve", "--index", tiny.index().toString(),
                "--dataset", tiny.dataset(), "--clients", "1,3", "--queries", "12", "--warmup", "2", "--page-loads", "0",
                "-k", "3", "--json"));
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.get("rows").asInt()).isEqualTo(TinyRun.TEST_IMAGES);
        assertThat(out.get("passes").findValuesAsText("clients")).containsExactly("1", "3");
        for (JsonNode pass : out.get("passes")) {
            assertThat(pass.get("queries_per_second").asDouble()).isPositive();
            assertThat(pass.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(pass.get("p50_ms").asDouble());
        }
        assertThat(out.has("first_contentful_paint_ms")).isFalse();
    }

    @Test
    void moreClientsThanQueriesIsRefusedByName() throws Exception {
        TinyServedIndex tiny = TinyServedIndex.get();
        CliRunner r = CliRunner.run("bench", "serve", "--index", tiny.index().toString(), "--dataset", tiny.dataset(),
                "--clients", "8", "--queries", "4", "--page-loads", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--clients must be at least 1 and at most --queries");
    }
}
