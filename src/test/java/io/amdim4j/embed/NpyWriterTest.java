package io.amdim4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NpyWriterTest {

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource({"0, 0", "1, 1", "3, 5", "7, 64", "12345, 2048", "10000000000, 3"})
    void headerIsVersion1LittleEndianFloat32AlignedTo64(long rows, int columns) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new NpyWriter(bytes, rows, columns);
        NpyFile file = NpyFile.parse(bytes.toByteArray());

        assertThat(file.major()).isEqualTo(1);
        assertThat(file.minor()).isZero();
        assertThat(file.descr()).isEqualTo("<f4");
        assertThat(file.fortranOrder()).isFalse();
        assertThat(file.rows()).isEqualTo(rows);
        assertThat(file.columns()).isEqualTo(columns);
        assertThat((10 + file.headerLength()) % 64).as("data offset aligned to 64").isZero();
        assertThat(file.header()).startsWith("{").endsWith("\n");
        assertThat(file.header().trim()).endsWith("}");
        assertThat(file.data()).isEmpty();
    }

    @Test
    void rowsFollowTheHeaderInCOrder() throws Exception {
        Random random = new Random(1);
        float[] all = new float[5 * 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = (float) random.nextGaussian();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NpyWriter writer = new NpyWriter(bytes, 5, 3);
        writer.writeRows(java.util.Arrays.copyOfRange(all, 0, 6), 2);
        writer.writeRows(java.util.Arrays.copyOfRange(all, 6, 15), 3);
        writer.finish();

        NpyFile file = NpyFile.parse(bytes.toByteArray());
        assertThat(file.data()).containsExactly(all);
        assertThat(writer.rowsWritten()).isEqualTo(5);
    }

    @Test
    void refusesMoreOrFewerRowsThanAnnounced() throws Exception {
        NpyWriter writer = new NpyWriter(new ByteArrayOutputStream(), 2, 2);
        writer.writeRows(new float[] {1, 2}, 1);
        assertThatThrownBy(writer::finish)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 rows but 1");
        assertThatThrownBy(() -> writer.writeRows(new float[] {1, 2, 3, 4}, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("announced 2 rows");
        assertThatThrownBy(() -> writer.writeRows(new float[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
