package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code scripts/gpu-smoke} on a machine without a GPU: it says so, runs nothing and succeeds. */
class GpuSmokeScriptTest {

    private static final Path SCRIPT = Path.of("scripts/gpu-smoke");

    @Test
    void withoutAGpuItSaysSoAndExitsZeroClaimingNothing() throws Exception {
        boolean nvidiaSmi = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "nvidia-smi")));
        Assumptions.assumeFalse(nvidiaSmi, "nvidia-smi is here, so the script would run the real smoke test");
        // ChildProcess fails the test on a non-zero exit
        String printed = ChildProcess.run(MavenRun.basedir(), List.of("bash", SCRIPT.toString()));
        assertThat(printed).isEqualTo(
                "gpu-smoke: no GPU here (nvidia-smi lists none), so nothing was run and nothing is claimed\n");
    }
}
