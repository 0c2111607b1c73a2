package io.amdim4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's table "The public API" is the one list of API classes: each is a public class, its
 * package comment names exactly those classes, {@code mvn javadoc:javadoc} documents exactly them,
 * and javadoc with doclint on finds nothing to warn about in them.
 */
class PublicApiJavadocTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path PACKAGES = SOURCES.resolve("io/amdim4j");

    /** A table row: {@code | `pkg` | `Class`, `Other` (notes) |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|(.*)\\|$");
    private static final Pattern CLASS_NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*)`");
    private static final Pattern INCLUDE = Pattern.compile("<sourceFileInclude>([^<]+)</sourceFileInclude>");
    private static final Pattern LINK = Pattern.compile("\\{@link io\\.amdim4j\\.([a-z]+)\\.([A-Za-z0-9]+)}");

    @Test
    void everyApiClassIsAPublicTopLevelClass() throws ClassNotFoundException, IOException {
        Map<String, List<String>> api = apiByPackage();
        assertThat(api).as("packages in README's API table").hasSizeGreaterThanOrEqualTo(8);
        for (String name : qualifiedNames(api)) {
            Class<?> type = Class.forName(name);
            assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", name).isTrue();
            assertThat(type.getEnclosingClass()).as("%s is a top-level class", name).isNull();
        }
    }

    @Test
    void eachPackageCommentNamesItsApiClasses() throws IOException {
        Map<String, List<String>> api = apiByPackage();
        List<String> packages;
        try (Stream<Path> list = Files.list(PACKAGES)) {
            packages = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String pkg : packages) {
            Path info = PACKAGES.resolve(pkg).resolve("package-info.java");
            assertThat(info).as("package %s has a package comment", pkg).exists();
            String text = Files.readString(info);
            int at = text.indexOf("<p>API:");
            if (!api.containsKey(pkg)) {
                assertThat(at).as("%s has no API classes, so its comment lists none", info).isNegative();
                continue;
            }
            assertThat(at).as("%s lists the API classes after '<p>API:'", info).isNotNegative();
            Set<String> linked = new LinkedHashSet<>();
            Matcher m = LINK.matcher(text.substring(at));
            while (m.find()) {
                assertThat(m.group(1)).as("%s links a class of its own package", info).isEqualTo(pkg);
                linked.add(m.group(2));
            }
            assertThat(linked).as("API classes named in %s", info).containsExactlyInAnyOrderElementsOf(api.get(pkg));
        }
    }

    @Test
    void javadocPluginDocumentsExactlyTheApi() throws IOException {
        Map<String, List<String>> api = apiByPackage();
        List<String> includes = new ArrayList<>();
        Matcher m = INCLUDE.matcher(Files.readString(Path.of("pom.xml")));
        while (m.find()) {
            includes.add(m.group(1));
        }
        List<String> expected = new ArrayList<>();
        apiFiles(api).forEach(f -> expected.add(SOURCES.relativize(f).toString().replace('\\', '/')));
        assertThat(includes).as("maven-javadoc-plugin's sourceFileIncludes in pom.xml")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void apiJavadocHasNoWarnings(@TempDir Path out) throws IOException {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            // Only the checks matter here: the pages nobody reads are left out to save time.
            List<String> options = List.of("-Xdoclint:all", "-quiet", "-Xmaxwarns", "10000",
                    "-notree", "-noindex", "-nohelp", "-nodeprecatedlist",
                    "-sourcepath", SOURCES.toString(), "-classpath", testClassPath(), "-d", out.toString());
            StringWriter log = new StringWriter();
            Boolean ok = javadoc.getTask(log, files, diagnostics, null, options,
                    files.getJavaFileObjectsFromPaths(apiFiles(apiByPackage()))).call();
            List<String> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER)
                    .map(PublicApiJavadocTest::describe).toList();
            assertThat(problems).as("javadoc diagnostics on the public API").isEmpty();
            // JDK 17's javadoc stops with "unknown element: R" when a record R that it does not document
            // has a public nested type: make that type top-level (see model.LayerKind).
            assertThat(ok).as("javadoc succeeded; its output:%n%s", log).isTrue();
        }
    }

    /** Package to API class names, in README's order. */
    static Map<String, List<String>> apiByPackage() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int header = lines.indexOf("| package | API classes |");
        assertThat(header).as("README.md has the table '| package | API classes |'").isNotNegative();
        Map<String, List<String>> api = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                break;
            }
            // Parenthesised notes name methods and presets, not classes.
            Matcher name = CLASS_NAME.matcher(row.group(2).replaceAll("\\([^)]*\\)", ""));
            List<String> names = new ArrayList<>();
            while (name.find()) {
                names.add(name.group(1));
            }
            assertThat(names).as("API classes of package %s", row.group(1)).isNotEmpty();
            api.put(row.group(1), names);
        }
        return api;
    }

    private static List<String> qualifiedNames(Map<String, List<String>> api) {
        List<String> names = new ArrayList<>();
        api.forEach((pkg, classes) -> classes.forEach(c -> names.add("io.amdim4j." + pkg + "." + c)));
        return names;
    }

    /** The API classes' sources and their packages' comments. */
    private static List<Path> apiFiles(Map<String, List<String>> api) {
        List<Path> files = new ArrayList<>();
        api.forEach((pkg, classes) -> classes.forEach(c -> files.add(PACKAGES.resolve(pkg).resolve(c + ".java"))));
        api.keySet().forEach(pkg -> files.add(PACKAGES.resolve(pkg).resolve("package-info.java")));
        return files;
    }

    /** Surefire may run tests from a manifest-only jar; it gives the real class path in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        return where + d.getKind() + ": " + d.getMessage(Locale.ROOT);
    }
}
