package io.amdim4j;

import static org.assertj.core.api.Assertions.fail;

import io.amdim4j.cli.Main;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs Maven offline, in a child process, against a private local repository, for the tests that
 * build a separate project the way a library user would.
 *
 * <p>The Maven that runs the suite is found through the {@code amdim4j.maven.home} system property
 * (the POM hands surefire's forked JVM its own {@code maven.home}), then on the PATH. There is no
 * skipping: a machine without Maven fails the test, naming what it looked for.
 *
 * <p>The private repository holds symbolic links to every group of the real local repository
 * (property {@code amdim4j.maven.repository}, default {@code ~/.m2/repository}) except
 * {@code io/amdim4j}, so what the test installs never reaches, or races with, the user's own
 * repository, while everything else resolves offline from what the outer build already fetched.
 */
final class MavenRun {

    private static final String OWN_GROUP_ROOT = "io";
    private static final String OWN_GROUP_DIR = "amdim4j";

    private final Path mvn;
    private final Path repository;

    private MavenRun(Path mvn, Path repository) {
        this.mvn = mvn;
        this.repository = repository;
    }

    /** The project's root folder, where the suite runs. */
    static Path basedir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /**
     * A copy of this project built from the classes this very build compiled (pom.xml, LICENSE, NOTICE
     * and target/classes; compiling 200 classes a second time would only cost time).
     *
     * @param dir the copy's root (created)
     * @return {@code dir}
     */
    static Path copyOfThisProject(Path dir) throws IOException, URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(dir);
        for (String file : List.of("pom.xml", "LICENSE", "NOTICE")) {
            Files.copy(basedir().resolve(file), dir.resolve(file));
        }
        copyTree(classes, dir.resolve("target/classes"));
        return dir;
    }

    /** Copies a source tree, leaving out build output ({@code target/}) a developer may have left there. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.filter(f -> !f.startsWith(from.resolve("target"))).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Finds mvn and seeds a private local repository in {@code repository} (created). */
    static MavenRun withPrivateRepository(Path repository) throws IOException {
        Path real = Path.of(System.getProperty("amdim4j.maven.repository",
                System.getProperty("user.home") + "/.m2/repository"));
        if (!Files.isDirectory(real)) {
            fail("local Maven repository " + real + " does not exist: run the tests with ./run-tests");
        }
        Files.createDirectories(repository);
        try (Stream<Path> groups = Files.list(real)) {
            for (Path group : groups.toList()) {
                if (group.getFileName().toString().equals(OWN_GROUP_ROOT) && Files.isDirectory(group)) {
                    linkAllBut(group, repository.resolve(OWN_GROUP_ROOT), OWN_GROUP_DIR);
                } else {
                    Files.createSymbolicLink(repository.resolve(group.getFileName()), group);
                }
            }
        }
        return new MavenRun(findMvn(), repository);
    }

    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                if (!child.getFileName().toString().equals(except)) {
                    Files.createSymbolicLink(to.resolve(child.getFileName()), child);
                }
            }
        }
    }

    private static Path findMvn() {
        List<Path> tried = new ArrayList<>();
        String home = System.getProperty("amdim4j.maven.home", "");
        if (!home.isEmpty()) {
            Path candidate = Path.of(home, "bin", "mvn");
            tried.add(candidate);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "mvn");
                tried.add(candidate);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail("no executable mvn (tried " + tried + "); ./run-tests installs Maven");
    }

    /** The private local repository. */
    Path repository() {
        return repository;
    }

    /**
     * Runs {@code mvn -B -o -q -Dmaven.repo.local=REPO ARGS} in {@code dir}; fails the test with
     * Maven's output if it exits non-zero.
     *
     * @return what Maven printed (stdout and stderr together)
     */
    String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-q",
                "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(args));
        return ChildProcess.run(dir, command);
    }

    /**
     * Removes the links into the real local repository, so that deleting the private one leaves
     * the real one alone and quiet (JUnit warns about every link it meets).
     */
    void unlinkSharedGroups() throws IOException {
        try (Stream<Path> entries = Stream.concat(Files.list(repository),
                Files.isDirectory(repository.resolve(OWN_GROUP_ROOT)) ? Files.list(repository.resolve(OWN_GROUP_ROOT))
                        : Stream.empty())) {
            for (Path entry : entries.filter(Files::isSymbolicLink).toList()) {
                Files.delete(entry);
            }
        }
    }
}
