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
        assertThat(summary.highlight("dataset")).contains("cifar10:/nowhere/cifar");
        assertThat(summary.highlight("ndf")).contains("48");
        assertThat(summary.highlight("n_rkhs")).contains("256");
        assertThat(summary.highlight("n_depth")).contains("2");
        assertThat(summary.highlight("batch size")).contains("64");
        assertThat(summary.highlight("lr milestones (epochs)")).contains("[2]");
        assertThat(summary.highlight("git commit")).contains("0123456789abcdef0123456789abcdef01234567");
        assertThat(summary.highlight("use_bn")).isEmpty();
        assertThat(summary.value("provenance.engine")).contains("PyTorch 2.7.1");
        assertThat(summary.highlight("created")).contains("2025-01-01T00:00:00Z");
        assertThat(summary.highlight("dataset checksum")).contains("sha256:00");
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
