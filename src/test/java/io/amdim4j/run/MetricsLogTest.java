package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @TempDir
    Path dir;

    private static MetricsRecord step(long s) {
        return MetricsRecord.step(s, 0, 10.0 - s, 3, 4, 3, 0.1, 2.3, 0.5, 0.4, 1e-4, 50);
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
        List<MetricsRecord> back = MetricsLog.read(f, false);
        assertThat(back.get(1).testAccLinear()).isEqualTo(0.6);
    }

    @Test
    void reopeningCutsRecordsAfterTheCheckpointAndATornLine() throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.openAt(f, 0)) {
            for (int s = 1; s <= 5; s++) {
                log.append(step(s));
            }
        }
        Files.writeString(f, "{\"kind\":\"step\",\"st", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> MetricsLog.read(f, false)).hasMessageContaining("line 6");
        try (MetricsLog log = MetricsLog.openAt(f, 3)) {
            log.append(step(4));
        }
        assertThat(MetricsLog.read(f, false)).extracting(MetricsRecord::step).containsExactly(1L, 2L, 3L, 4L);
    }
}
