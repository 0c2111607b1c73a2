package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigJson} on its own: generic in the configuration, with a typed resume history. */
class ConfigJsonTest {

    @TempDir
    Path tmp;

    /** Stands in for the training configuration. */
    record Settings(double lr, int epochs) {}

    @Test
    void roundTripsWithAHistoryOfResumesInFieldOrder() throws IOException {
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        changes.put("optim.lr", new ValueChange(DoubleNode.valueOf(0.002), DoubleNode.valueOf(0.5)));
        changes.put("epochs", new ValueChange(RunJson.mapper().valueToTree(1), RunJson.mapper().valueToTree(3)));
        ConfigJson<Settings> written = new ConfigJson<>(new Settings(0.5, 3), EvalSamples.provenance(), "sha256:ab",
                List.of(new ConfigJson.Resume(40, "2025-01-02T00:00:00Z", changes)));
        Path file = tmp.resolve("run").resolve("config.json");
        written.write(file);

        ConfigJson<Settings> read = ConfigJson.read(file, Settings.class);
        assertThat(read).isEqualTo(written);
        assertThat(read.history().get(0).changes().keySet()).containsExactly("optim.lr", "epochs");
        JsonNode root = RunJson.mapper().readTree(file.toFile());
        assertThat(root.at("/history/0/changes/optim.lr/to").asDouble()).isEqualTo(0.5);
        assertThat(root.at("/dataset_checksum").asText()).isEqualTo("sha256:ab");
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void aRunNeverResumedWithChangesWritesNoHistory() throws IOException {
        Path file = tmp.resolve("config.json");
        new ConfigJson<>(new Settings(0.1, 1), EvalSamples.provenance(), "sha256:ab", List.of()).write(file);
        assertThat(RunJson.mapper().readTree(file.toFile()).has("history")).isFalse();
        assertThat(ConfigJson.read(file, Settings.class).history()).isEmpty();
    }

    @Test
    void aFileThatIsNotARunConfigurationIsNamed() throws IOException {
        Path missing = tmp.resolve("nothing.json");
        assertThatThrownBy(() -> ConfigJson.read(missing, Settings.class)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
        Path bad = tmp.resolve("config.json");
        Files.writeString(bad, "{\"config\": {\"lr\": 0.1}}");
        assertThatThrownBy(() -> ConfigJson.read(bad, Settings.class)).isInstanceOf(IOException.class)
                .hasMessageContaining(bad + " is not a readable config.json");
    }

    @Test
    void aPreflightVerdictWithAFallbackRoundTripsAndSurvivesAResume() throws IOException {
        PreflightVerdict verdict = new PreflightVerdict("proven", "bf16 contiguous", List.of("bf16 channels_last"),
                "bf16 channels_last crashed in a child JVM (SIGFPE in libtorch_cpu.so dnnl::f())");
        Path file = tmp.resolve("config.json");
        new ConfigJson<>(new Settings(0.1, 1), EvalSamples.provenance(), "sha256:ab", null, null, List.of(), verdict)
                .write(file);

        JsonNode root = RunJson.mapper().readTree(file.toFile());
        assertThat(root.at("/preflight/status").asText()).isEqualTo("proven");
        assertThat(root.at("/preflight/fell_back_from/0").asText()).isEqualTo("bf16 channels_last");
        ConfigJson<Settings> read = ConfigJson.read(file, Settings.class);
        assertThat(read.preflight()).isEqualTo(verdict);
        assertThat(read.resumed(new Settings(0.2, 2), List.of()).preflight()).isEqualTo(verdict);
    }

    @Test
    void aFileWrittenBeforeThePreflightReadsWithoutAVerdict() throws IOException {
        Path file = tmp.resolve("config.json");
        new ConfigJson<>(new Settings(0.1, 1), EvalSamples.provenance(), "sha256:ab", List.of()).write(file);
        assertThat(RunJson.mapper().readTree(file.toFile()).has("preflight")).isFalse();
        assertThat(ConfigJson.read(file, Settings.class).preflight()).isNull();
    }
}
