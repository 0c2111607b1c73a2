package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingMatrixTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheRowsTheTestWrote() throws IOException {
        float[] values = {1.5f, -2f, 0f, 3.25f, Float.MIN_VALUE, -0f};
        Path npy = tmp.resolve("e.npy");
        SyntheticRun.writeNpy(npy, values, 3, 2);
        EmbeddingMatrix m = EmbeddingMatrix.read(npy);
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.dimension()).isEqualTo(2);
        assertThat(m.values()).containsExactly(values);
        assertThat(m.row(1)).containsExactly(0f, 3.25f);
        assertThat(m.get(2, 0)).isEqualTo(Float.MIN_VALUE);
    }

    @Test
    void otherLayoutsAreRejectedNamingTheFile() throws IOException {
        Path npy = tmp.resolve("bad.npy");
        SyntheticRun.writeNpy(npy, new float[6], 3, 2);
        byte[] good = Files.readAllBytes(npy);

        Files.write(npy, replace(good, "'<f4'", "'<f8'"));
        assertThatThrownBy(() -> EmbeddingMatrix.read(npy)).isInstanceOf(IOException.class)
                .hasMessageContaining(npy.toString()).hasMessageContaining("'<f8'");

        Files.write(npy, replace(good, "False", "True "));
        assertThatThrownBy(() -> EmbeddingMatrix.read(npy)).hasMessageContaining("Fortran order");

        Files.write(npy, Arrays.copyOf(good, good.length - 4));
        assertThatThrownBy(() -> EmbeddingMatrix.read(npy)).hasMessageContaining("3×2");

        Files.write(npy, replace(good, "(3, 2)", "(6,)  "));
        assertThatThrownBy(() -> EmbeddingMatrix.read(npy)).hasMessageContaining("not two-dimensional");

        Files.write(npy, "not numpy at all".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> EmbeddingMatrix.read(npy)).hasMessageContaining("bad magic");
    }

    private static byte[] replace(byte[] data, String from, String to) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        assertThat(to).hasSameSizeAs(from);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
