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
        ConfigSummary summary = ConfigSummary.read(run.run.config()).orElseThrow();
        assertThat(summary.highlight("dataset")).contains("cifar10:/nowhere/cifar");
        assertThat(summary.highlight("ndf")).contains("48");
        assertThat(summary.highlight("n_rkhs")).contains("256");
        assertThat(summary.highlight("n_depth")).contains("2");
        assertThat(summary.highlight("batch size")).contains("64");
        assertThat(summary.highlight("lr milestones (epochs)")).contains("[2]");
        assertThat(summary.highlight("git commit")).contains("0123456789abcdef0123456789abcdef01234567");
        assertThat(summary.highlight("use_bn")).isEmpty();
        assertThat(summary.value("provenance.engine")).contains("PyTorch 2.7.1");
        assertThat(summary.all()).hasSize(13);
    }

    @Test
    void aMissingFileIsEmptyAndOtherJsonIsRejected() throws IOException {
        assertThat(ConfigSummary.read(tmp.resolve("config.json"))).isEmpty();
        Files.writeString(tmp.resolve("config.json"), "[1, 2]");
        assertThatThrownBy(() -> ConfigSummary.read(tmp.resolve("config.json"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not a JSON object");
    }
}
