package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code --run-dir} says what is wrong with a path that cannot be a run directory. */
class RunDirOptionTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"pretrain", "quickstart", "eval", "embed", "export"})
    void aFileIsRefusedAsNotADirectory(String command) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a run");
        CliRunner r = CliRunner.run(command, "--run-dir", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--run-dir").contains(file + ": is a file, not a directory");
        assertThat(file).hasContent("not a run");
    }

    @Test
    void aMissingRunToReadIsNamed() {
        Path missing = tmp.resolve("no-run");
        CliRunner r = CliRunner.run("export", "--run-dir", missing.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--run-dir " + missing + ": no such directory");
    }

    @Test
    void aPathThatDoesNotExistYetIsANewRunDirectory() {
        Path fresh = tmp.resolve("fresh");
        assertThat(new RunDirConverter().convert(fresh.toString())).isEqualTo(fresh);
        assertThat(new RunDirConverter().convert(tmp.toString())).isEqualTo(tmp);
    }
}
