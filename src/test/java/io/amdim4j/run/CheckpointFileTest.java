package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

    @TempDir
    Path dir;

    private final CheckpointFile sample =
            new CheckpointFile("{\"step\":7}", List.of(new byte[] {1, 2, 3}, new byte[0], new byte[] {42}));

    @Test
    void roundTrips() throws IOException {
        Path f = dir.resolve("step-00000007.ckpt");
        sample.write(f);
        CheckpointFile back = CheckpointFile.read(f);
        assertThat(back.header()).isEqualTo("{\"step\":7}");
        assertThat(back.sections()).hasSize(3);
        assertThat(back.sections().get(0)).containsExactly(1, 2, 3);
        assertThat(back.sections().get(2)).containsExactly(42);
    }

    @Test
    void truncatedOrFlippedFilesAreReportedByName() throws IOException {
        Path f = dir.resolve("step-00000007.ckpt");
        sample.write(f);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> CheckpointFile.read(f)).hasMessageContaining(f.toString()).hasMessageContaining("checksum");
        bytes[20] ^= 1;
        Files.write(f, bytes);
        assertThatThrownBy(() -> CheckpointFile.read(f)).hasMessageContaining("damaged");
        Files.write(f, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> CheckpointFile.read(f)).hasMessageContaining("not an amdim4j checkpoint");
    }

    @Test
    void runDirectoryListsCheckpointsNewestFirst() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        assertThat(run.checkpointsNewestFirst()).isEmpty();
        sample.write(run.checkpoint(9));
        sample.write(run.checkpoint(120));
        sample.write(run.checkpoint(30));
        Files.writeString(run.checkpoints().resolve("notes.txt"), "x");
        assertThat(run.checkpointsNewestFirst()).extracting(RunDirectory::stepOf).containsExactly(120L, 30L, 9L);
    }
}
