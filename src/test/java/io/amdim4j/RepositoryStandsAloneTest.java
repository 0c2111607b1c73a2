package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Users clone this repository alone: no document, source, script or default may lean on a
 * directory beside it (where the developers kept data sets and golden files).
 */
class RepositoryStandsAloneTest {

    /** The developers' directory beside the repository, relative and absolute; built from parts so this file lacks them. */
    private static final List<String> OUTSIDE = List.of(".." + "/shared", "/work" + "/shared");

    /** What users run or read; every file under the directories. */
    private static final List<String> CHECKED = List.of(
            "README.md", "BENCHMARKS.md", "RESULTS.md", "run-tests", "amdim", "pom.xml", "src", "scripts", ".ci");

    @Test
    void nothingRefersToADirectoryBesideTheRepository() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        assertThat(root.resolve("pom.xml")).as("tests run from the project directory").isRegularFile();
        List<String> offenders = new ArrayList<>();
        for (Path file : files(root)) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (OUTSIDE.stream().anyMatch(text::contains)) {
                offenders.add(root.relativize(file).toString());
            }
        }
        assertThat(offenders).as("files that mention %s", OUTSIDE).isEmpty();
    }

    @Test
    void theCheckSeesTheDocumentsAndSources() throws IOException {
        List<Path> files = files(Path.of("").toAbsolutePath());
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("README.md", "amdim", "run-tests", "RepositoryStandsAloneTest.java", "Main.java");
    }

    private static List<Path> files(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String name : CHECKED) {
            Path path = root.resolve(name);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).forEach(out::add);
                }
            } else if (Files.isRegularFile(path)) {
                out.add(path);
            }
        }
        return out;
    }
}
