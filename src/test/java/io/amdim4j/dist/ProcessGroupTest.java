package io.amdim4j.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessGroupTest {

    @Test
    void withoutLauncherVariablesAProcessTrainsAloneAndLoadsNoMpiLibrary() throws IOException {
        ProcessGroup group = ProcessGroup.fromEnvironment(Map.of("HOME", "/root"));
        assertThat(group).isSameAs(SingleProcess.INSTANCE);
        assertThat(group.size()).isEqualTo(1);
        assertThat(group.isLeader()).isTrue();
        assertThat(group.broadcast(new byte[] {4, 2})).containsExactly(4, 2);
        assertThat(Files.readString(Path.of("/proc/self/maps"))).doesNotContain("libmpich");
    }

    @Test
    void launcherVariablesWithoutTheLibraryAreOneLineNamingBoth() {
        Map<String, String> env = Map.of("PMI_RANK", "1", "PMI_SIZE", "2",
                ProcessGroup.LIBRARY_VARIABLE, "/nonexistent/libmpich.so");
        assertThatThrownBy(() -> ProcessGroup.fromEnvironment(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PMI_RANK=1 PMI_SIZE=2")
                .hasMessageContaining("'/nonexistent/libmpich.so' cannot be loaded")
                .hasMessageContaining("apt-get install mpich libmpich-dev")
                .hasMessageNotContaining("\n");
    }

    @Test
    void openMpisLauncherIsRefusedByName() {
        assertThatThrownBy(() -> ProcessGroup.fromEnvironment(Map.of("OMPI_COMM_WORLD_SIZE", "2")))
                .hasMessageContaining("OMPI_COMM_WORLD_SIZE")
                .hasMessageContaining("MPICH's mpiexec");
    }
}
