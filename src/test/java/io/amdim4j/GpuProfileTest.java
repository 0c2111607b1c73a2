package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -Pgpu package}, as README "GPU" has a user run it (on a copy of the project made from the
 * classes this build compiled, like {@link ExamplesTest}): an application jar without PyTorch's CPU
 * libraries, which runs on whatever libtorch {@code PYTORCH_LIBRARY_PATH} names. This machine has no
 * CUDA, so the libtorch it is given here is the CPU one the engine already unpacked; the recipe is the
 * same for a CUDA build.
 */
class GpuProfileTest {

    @TempDir
    static Path tmp;

    private static MavenRun maven;

    @AfterAll
    static void unlink() throws IOException {
        if (maven != null) {
            maven.unlinkSharedGroups();
        }
    }

    @Test
    void theGpuJarHasNoLibtorchOfItsOwnAndRunsOnTheOneItIsPointedAt() throws Exception {
        Path project = MavenRun.copyOfThisProject(tmp.resolve("amdim4j"));
        maven = MavenRun.withPrivateRepository(tmp.resolve("repository"));
        maven.run(project, "package", "-Pgpu", "-Dmaven.test.skip=true", "-Dmaven.gitcommitid.skip=true");

        Path jar = project.resolve("target/amdim4j-gpu.jar");
        assertThat(project.resolve("target/amdim4j-all.jar")).as("the CPU jar is not built under -Pgpu").doesNotExist();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("io/amdim4j/cli/Main.class", "ai/djl/pytorch/engine/PtEngine.class",
                    "jnilib/linux-x86_64/cu128/libdjl_torch.so");
            assertThat(names).as("pytorch-native-cpu's libraries").noneMatch(n -> n.startsWith("pytorch/cpu/"))
                    .doesNotContain("native/lib/pytorch.properties");
        }

        Path libtorch = cpuLibtorch();
        Path cache = Files.createDirectories(tmp.resolve("empty-djl-cache"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out = ChildProcess.run(project, List.of(java, "-jar", jar.toString(), "bench", "train-step",
                        "--input-size", "32", "--ndf", "4", "--n-rkhs", "16", "--n-depth", "1", "--batch", "2",
                        "--warmup", "0", "--steps", "1", "--device", "cpu", "--json"),
                Map.of("PYTORCH_LIBRARY_PATH", libtorch.toString(), "PYTORCH_VERSION", "2.7.1",
                        "PYTORCH_FLAVOR", "cpu", "DJL_CACHE_DIR", cache.toString()));
        JsonNode json = RunJson.mapper().readTree(out.substring(out.indexOf('{')));
        assertThat(json.get("device").asText()).isEqualTo("cpu");
        assertThat(json.get("last_loss").asDouble()).isFinite();
    }

    /** The folder where the engine of this JVM unpacked pytorch-native-cpu's libtorch. */
    private static Path cpuLibtorch() throws IOException {
        Engine.getInstance(); // unpacks it on first use
        try (Stream<Path> dirs = Files.list(Utils.getEngineCacheDir("pytorch"))) {
            return dirs.filter(d -> d.getFileName().toString().contains("-cpu-"))
                    .filter(d -> Files.exists(d.resolve("libtorch.so"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no unpacked CPU libtorch in DJL's cache"));
        }
    }
}
