package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the golden tests find the reference implementation's outputs: {@code
 * src/test/resources/golden/<kind>} (its README gives format and tolerances), unless an
 * environment variable names another directory of the same format. A missing or empty directory
 * fails the test instead of skipping it, so a golden test cannot pass by checking nothing.
 */
public final class GoldenFiles {

    private GoldenFiles() {}

    /**
     * The directory of one kind of golden case.
     *
     * @param kind sub-directory of {@code golden/}, e.g. "nce"
     * @param variable environment variable that overrides it, e.g. "AMDIM_GOLDEN_NCE"
     * @return the directory, not yet checked
     */
    public static Path directory(String kind, String variable) {
        return resolve(kind, System.getenv(variable));
    }

    /** The directory for a value of the overriding variable (null or blank: the copy in the test resources). */
    static Path resolve(String kind, String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        URL bundled = GoldenFiles.class.getResource("/golden/" + kind);
        assertThat(bundled).as("golden/%s on the test class path (src/test/resources/golden/%s)", kind, kind)
                .isNotNull();
        try {
            return Path.of(bundled.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(bundled + " is not a file URI", e);
        }
    }

    /**
     * The cases of a directory, sorted by name.
     *
     * @param dir the directory
     * @param suffix file name ending of a case, e.g. ".npz"
     * @return at least one file
     */
    public static List<Path> cases(Path dir, String suffix) throws IOException {
        assertThat(dir).as("golden directory %s", dir.toAbsolutePath()).isDirectory();
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
        assertThat(cases).as("*%s golden cases in %s", suffix, dir.toAbsolutePath()).isNotEmpty();
        return cases;
    }
}
