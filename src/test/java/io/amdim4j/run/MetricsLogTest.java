package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @TempDir
    Path dir;

    private static MetricsRecord step(long s) {
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("loss_1t5", 3.0);
        terms.put("loss_1t7", 4.0);
        terms.put("score_reg", 0.1);
        return MetricsRecord.step(s, 0, 10.0 - s, terms, 0.5, 0.4, 1e-4, 50);
    }

    @Test
    void writesSnakeCaseLinesAndReadsThemBack() throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.openAt(f, 0)) {
            log.append(step(1));
            log.append(MetricsRecord.epoch(1, 0, 0.7, 0.6, 12.5));
        }
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSize(2);
        JsonNode first = RunJson.mapper().readTree(lines.get(0));
        assertThat(first.get("loss_1t5").asDouble()).isEqualTo(3.0);
        assertThat(first.get("pairs_per_s").asDouble()).isEqualTo(50.0);
        assertThat(first.has("test_acc_mlp")).isFalse();
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as("the terms follow the total, in the order given")
                .containsSubsequence("kind", "step", "epoch", "loss", "loss_1t5", "loss_1t7", "score_reg", "train_acc_mlp");
        assertThat(keys).doesNotContain("terms");
        List<MetricsRecord> back = MetricsLog.read(f, false);
        assertThat(back.get(0)).isEqualTo(step(1));
        assertThat(back.get(1).testAccLinear()).isEqualTo(0.6);
        assertThat(back.get(1).terms()).isEmpty();
    }

    @Test
    void readsTheLinesEarlierVersionsWrote() throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, "{\"kind\":\"step\",\"step\":1,\"epoch\":0,\"loss\":12.5,\"loss_1t5\":3.0,"
                + "\"loss_1t7\":4.0,\"loss_5t5\":3.5,\"score_reg\":0.1,\"probe_loss\":1.9,\"train_acc_mlp\":0.5,"
                + "\"lr\":1.0E-4,\"pairs_per_s\":50.0}\n");
        MetricsRecord r = MetricsLog.read(f, false).get(0);
        assertThat(r.loss()).isEqualTo(12.5);
        assertThat(r.terms()).containsOnly(Map.entry("loss_1t5", 3.0), Map.entry("loss_1t7", 4.0),
                Map.entry("loss_5t5", 3.5), Map.entry("score_reg", 0.1), Map.entry("probe_loss", 1.9));
        assertThat(r.term("probe_loss")).isEqualTo(1.9);
        assertThat(r.lr()).isEqualTo(1e-4);
    }

    @Test
    void reopeningCutsRecordsAfterTheCheckpointAndATornLine() throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.openAt(f, 0)) {
            for (int s = 1; s <= 5; s++) {
                log.append(step(s));
            }
        }
        List<String> written = Files.readAllLines(f);
        Files.writeString(f, "{\"kind\":\"step\",\"st", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> MetricsLog.read(f, false)).hasMessageContaining("line 6");
        try (MetricsLog log = MetricsLog.openAt(f, 3)) {
            log.append(step(4));
        }
        assertThat(MetricsLog.read(f, false)).extracting(MetricsRecord::step).containsExactly(1L, 2L, 3L, 4L);
        assertThat(Files.readAllLines(f).subList(0, 3)).as("kept lines are copied as written")
                .containsExactlyElementsOf(written.subList(0, 3));
    }
}
