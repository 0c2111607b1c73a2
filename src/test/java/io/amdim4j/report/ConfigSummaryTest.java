package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSummaryTest {

    @TempDir
    Path tmp;

    @Test
    void highlightsAndEveryLeafComeFromTheFile() throws IOException {
        SyntheticRun run = SyntheticRun.write(tmp);
        ConfigSummary summary = ConfigSummary.read(run.run.config(), SyntheticRun.Settings.class).orElseThrow();
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("dataset", "cifar10:/nowhere/cifar"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("ndf", "48"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("n_rkhs", "256"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("n_depth", "2"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("batch size", "64"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("lr milestones (epochs)", "[2]"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("git commit", "0123456789abcdef0123456789abcdef01234567"));
        assertThat(summary.highlights()).extracting(ConfigSummary.Row::key).doesNotContain("use_bn");
        assertThat(summary.all()).contains(new ConfigSummary.Row("provenance.engine", "PyTorch 2.7.1"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("created", "2025-01-01T00:00:00Z"));
        assertThat(summary.highlights()).contains(new ConfigSummary.Row("dataset checksum", "sha256:00"));
        assertThat(summary.datasetSpec()).isEqualTo("cifar10:/nowhere/cifar");
        // 7 settings, 9 provenance fields, the checksum; an empty history is not written
        assertThat(summary.all()).hasSize(17);
    }

    @Test
    void aMissingFileIsEmptyAndOtherJsonIsRejected() throws IOException {
        Path file = tmp.resolve("config.json");
        assertThat(ConfigSummary.read(file, SyntheticRun.Settings.class)).isEmpty();
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> ConfigSummary.read(file, SyntheticRun.Settings.class))
                .isInstanceOf(IOException.class).hasMessageContaining(file + " is not a readable config.json");
    }
}
