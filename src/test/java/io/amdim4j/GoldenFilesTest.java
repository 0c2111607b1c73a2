package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden cases ship with the tests; a variable may point elsewhere; nothing to check is a failure. */
class GoldenFilesTest {

    @TempDir
    Path tmp;

    @Test
    void withoutTheVariableTheCopyInTheTestResourcesIsUsed() throws IOException {
        for (String blank : new String[] {null, "", "  "}) {
            Path encoder = GoldenFiles.resolve("encoder", blank);
            Path nce = GoldenFiles.resolve("nce", blank);
            assertThat(encoder).endsWith(Path.of("golden", "encoder"));
            assertThat(GoldenFiles.cases(encoder, ".npz")).hasSize(4);
            assertThat(GoldenFiles.cases(nce, ".json.gz")).hasSize(4);
        }
    }

    @Test
    void theVariableNamesAnotherDirectory() throws IOException {
        Files.write(tmp.resolve("b.npz"), new byte[] {1});
        Files.write(tmp.resolve("a.npz"), new byte[] {1});
        Files.write(tmp.resolve("notes.txt"), new byte[] {1});
        assertThat(GoldenFiles.resolve("encoder", tmp.toString())).isEqualTo(tmp);
        assertThat(GoldenFiles.cases(tmp, ".npz")).containsExactly(tmp.resolve("a.npz"), tmp.resolve("b.npz"));
    }

    @Test
    void aMissingOrEmptyDirectoryFails() {
        Path missing = tmp.resolve("none");
        assertThatThrownBy(() -> GoldenFiles.cases(missing, ".npz")).isInstanceOf(AssertionError.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> GoldenFiles.cases(tmp, ".npz")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("*.npz golden cases");
        assertThatThrownBy(() -> GoldenFiles.resolve("no-such-kind", null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("src/test/resources/golden/no-such-kind");
    }
}
