package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aNewOrEmptyDirectoryIsAccepted() throws IOException {
        assertThatCode(() -> OutputDirectory.requireNewOrEmpty(dir.resolve("new"), "test")).doesNotThrowAnyException();
        Files.createDirectory(dir.resolve("empty"));
        assertThatCode(() -> OutputDirectory.requireNewOrEmpty(dir.resolve("empty"), "test")).doesNotThrowAnyException();
    }

    @Test
    void aDirectoryHoldingAnythingIsRefusedNamingItAndTheWriter() throws IOException {
        Files.writeString(dir.resolve("someone's.txt"), "x");
        assertThatThrownBy(() -> OutputDirectory.requireNewOrEmpty(dir, "the index"))
                .isInstanceOf(DirectoryNotEmptyException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("the index refuses to overwrite");
    }

    @Test
    void aFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> OutputDirectory.requireNewOrEmpty(file, "export"))
                .isInstanceOf(IOException.class).hasMessageContaining(file + " exists and is not a directory");
    }
}
