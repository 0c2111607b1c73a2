package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void capturesPlatformAndSerialisesInSnakeCase() throws Exception {
        Provenance p = Provenance.capture("0.36.0", "PyTorch 2.7.1", 2);
        assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(p.arch()).isEqualTo(System.getProperty("os.arch"));
        assertThat(p.threads()).isEqualTo(2);
        JsonNode json = RunJson.mapper().readTree(RunJson.mapper().writeValueAsString(p));
        assertThat(json.get("java_version").asText()).isEqualTo(p.javaVersion());
        assertThat(json.get("git_commit").asText()).isEqualTo(p.gitCommit());
    }

    @Test
    void gitCommitIsAHashInsideACheckoutAndUnknownOutside(@org.junit.jupiter.api.io.TempDir Path outside) {
        Path here = Path.of("").toAbsolutePath();
        if (Provenance.isCheckout(here)) {
            assertThat(Provenance.gitCommit(here)).matches("[0-9a-f]{40}(-dirty)?");
        }
        assertThat(Provenance.gitCommit(outside)).isEqualTo("unknown");
    }
}
