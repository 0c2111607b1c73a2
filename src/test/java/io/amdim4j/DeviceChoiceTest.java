package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The device is chosen in one place: only {@code runtime.ComputeDevice} asks DJL for a root manager.
 * A root manager made anywhere else would sit on the engine's default device (GPU 0 wherever the
 * engine sees one) whatever {@code --device} said.
 */
class DeviceChoiceTest {

    private static final Path SOURCES = Path.of("src/main/java/io/amdim4j");

    private static final Path THE_PLACE = SOURCES.resolve("runtime/ComputeDevice.java");

    /** DJL's ways to a root manager: NDManager's static factory and the engine's own. */
    private static final Pattern ROOT_MANAGER = Pattern.compile(
            "NDManager\\s*\\.\\s*newBaseManager\\s*\\(|(?:getInstance|getEngine)\\s*\\([^)]*\\)\\s*\\.\\s*newBaseManager\\s*\\(");

    @Test
    void onlyComputeDeviceOpensARootManager() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<String> elsewhere = new ArrayList<>();
        for (Path file : files) {
            if (ROOT_MANAGER.matcher(Files.readString(file)).find() && !file.equals(THE_PLACE)) {
                elsewhere.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(files).contains(THE_PLACE);
        assertThat(ROOT_MANAGER.matcher(Files.readString(THE_PLACE)).find()).as("the pattern finds the one place").isTrue();
        assertThat(elsewhere).isEmpty();
    }
}
