package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesContent() throws IOException {
        Path f = dir.resolve("sub/config.json");
        AtomicFile.write(f, "one".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("one");
        AtomicFile.write(f, "two".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("two");
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void failedWriteKeepsThePreviousFileAndLeavesNoTemporary() throws IOException {
        Path f = dir.resolve("ckpt.bin");
        AtomicFile.write(f, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> AtomicFile.write(f, out -> {
                    out.write(new byte[] {9, 9});
                    throw new IOException("disk full");
                }))
                .hasMessageContaining("disk full").hasMessageContaining(f.toString());
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }
}
