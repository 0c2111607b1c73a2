package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {

    @TempDir
    Path dir;

    @Test
    void readsAcrossChunkBorders() throws IOException {
        byte[] data = new byte[100];
        new SplittableRandom(1).nextBytes(data);
        Path file = Files.write(dir.resolve("f"), data);

        MappedFile mapped = MappedFile.map(file, 7); // 15 chunks, the last one short

        assertThat(mapped.length()).isEqualTo(100);
        for (int start = 0; start < 100; start += 3) {
            for (int count : new int[] {0, 1, 6, 7, 8, 20}) {
                if (start + count <= 100) {
                    assertThat(mapped.read(start, count)).isEqualTo(Arrays.copyOfRange(data, start, start + count));
                }
            }
            assertThat(mapped.readUnsigned(start)).isEqualTo(data[start] & 0xFF);
        }
        assertThatThrownBy(() -> mapped.read(95, 6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void recordsSpanFilesAndChunks() throws IOException {
        byte[] a = new byte[30];
        byte[] b = new byte[20];
        new SplittableRandom(2).nextBytes(a);
        new SplittableRandom(3).nextBytes(b);
        RecordFiles records = RecordFiles.map(List.of(Files.write(dir.resolve("a"), a), Files.write(dir.resolve("b"), b)), 10, 4);

        assertThat(records.count()).isEqualTo(5);
        byte[] third = new byte[10];
        records.read(2, 0, third);
        assertThat(third).isEqualTo(Arrays.copyOfRange(a, 20, 30));
        byte[] fourthTail = new byte[6];
        records.read(3, 4, fourthTail);
        assertThat(fourthTail).isEqualTo(Arrays.copyOfRange(b, 4, 10));
        assertThat(records.readUnsigned(4, 9)).isEqualTo(b[19] & 0xFF);
        assertThat(records.recordInFile(4)).isEqualTo(1);
        assertThat(records.pathOf(4)).isEqualTo(dir.resolve("b"));
    }

    @Test
    void directoryIsNotARegularFile() {
        assertThatThrownBy(() -> MappedFile.map(dir))
                .isInstanceOf(DatasetException.class).hasMessageContaining("not a regular file");
    }
}
