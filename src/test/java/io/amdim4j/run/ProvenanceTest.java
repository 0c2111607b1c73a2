package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Properties;
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

    @Test
    void theCommitBuiltIntoTheClassesWinsOverTheCheckoutsHead() {
        Path here = Path.of("").toAbsolutePath();
        if (Provenance.isCheckout(here)) {
            // Maven writes the resource when it compiles inside a checkout, as every build here does
            assertThat(Provenance.buildCommit()).hasValueSatisfying(c -> assertThat(c).matches("[0-9a-f]{40}(-dirty)?"));
        }
        Provenance.buildCommit().ifPresent(c ->
                assertThat(Provenance.capture("0.36.0", "PyTorch 2.7.1", 1).gitCommit()).isEqualTo(c));
    }

    @Test
    void buildCommitPropertiesAreReadStrictly() {
        String hash = "0123456789abcdef0123456789abcdef01234567";
        assertThat(Provenance.buildCommit(properties(hash, "false"))).contains(hash);
        assertThat(Provenance.buildCommit(properties(hash, "true"))).contains(hash + "-dirty");
        assertThat(Provenance.buildCommit(properties("${git.commit.id.full}", "false"))).isEmpty();
        assertThat(Provenance.buildCommit(new Properties())).isEmpty();
    }

    private static Properties properties(String commit, String dirty) {
        Properties p = new Properties();
        p.setProperty("git.commit.id.full", commit);
        p.setProperty("git.dirty", dirty);
        return p;
    }
}
