package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void gitCommitIsTheHeadOfACheckoutDirtyOnlyWhenTrackedFilesChangeAndUnknownOutside(@TempDir Path repo,
            @TempDir Path outside) throws Exception {
        String head = commitOneFile(repo);
        assertThat(head).matches("[0-9a-f]{40}");
        Files.writeString(repo.resolve("untracked.txt"), "not part of the commit");
        assertThat(Provenance.gitCommit(repo)).isEqualTo(head);
        Files.writeString(repo.resolve("tracked.txt"), "changed");
        assertThat(Provenance.gitCommit(repo)).isEqualTo(head + "-dirty");
        assertThat(Provenance.gitCommit(outside)).isEqualTo("unknown");
    }

    @Test
    void theCommitBuiltIntoTheClassesWinsOverTheCheckoutsHead(@TempDir Path repo, @TempDir Path outside)
            throws Exception {
        String head = commitOneFile(repo);
        String built = "0123456789abcdef0123456789abcdef01234567";
        assertThat(Provenance.commit(Optional.of(built), repo)).isEqualTo(built);
        assertThat(Provenance.commit(Optional.empty(), repo)).isEqualTo(head);
        assertThat(Provenance.commit(Optional.empty(), outside)).isEqualTo("unknown");
        Path here = Path.of("").toAbsolutePath();
        assertThat(Provenance.capture("0.36.0", "PyTorch 2.7.1", 1).gitCommit())
                .isEqualTo(Provenance.commit(Provenance.buildCommit(), here));
        if (Provenance.isCheckout(here)) {
            // Maven writes the resource when it compiles inside a checkout, as every build here does
            assertThat(Provenance.buildCommit()).hasValueSatisfying(c -> assertThat(c).matches("[0-9a-f]{40}(-dirty)?"));
        }
    }

    /** A new git repository in {@code dir} with one committed file, tracked.txt; returns its HEAD. */
    private static String commitOneFile(Path dir) throws Exception {
        Files.writeString(dir.resolve("tracked.txt"), "committed");
        git(dir, "init", "-q");
        git(dir, "add", "tracked.txt");
        git(dir, "-c", "user.name=amdim4j test", "-c", "user.email=test@amdim4j.invalid", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "one file");
        return git(dir, "rev-parse", "HEAD");
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
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
