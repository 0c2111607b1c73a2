package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package map of README "Architecture": a package imports only packages of lower layers. */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/io/amdim4j");

    /** Layer of each package; README draws the same map. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("data", 0), Map.entry("dist", 0), Map.entry("loss", 0), Map.entry("run", 0),
            Map.entry("runtime", 1),
            Map.entry("model", 2), Map.entry("augment", 2),
            Map.entry("pipeline", 3), Map.entry("preflight", 3),
            Map.entry("eval", 4), Map.entry("embed", 4), Map.entry("report", 4),
            Map.entry("train", 5), Map.entry("search", 5),
            Map.entry("bench", 6), Map.entry("finetune", 6), Map.entry("serve", 6),
            Map.entry("cli", 7));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.amdim4j\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void everyPackageImportsOnlyDownwards() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            String pkg = SOURCES.relativize(file).getName(0).toString();
            assertThat(LAYER).as("package %s has a layer", pkg).containsKey(pkg);
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (!target.equals(pkg) && LAYER.getOrDefault(target, Integer.MAX_VALUE) >= LAYER.get(pkg)) {
                    violations.add(SOURCES.relativize(file) + " imports " + target);
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
