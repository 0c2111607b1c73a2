package io.amdim4j.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where and with what a result was produced (Tribuo's ModelProvenance idea): the platform matters
 * because native kernels differ between machines, and the commit says which code ran.
 *
 * @param gitCommit commit the running code was built from ("-dirty" if the tree had uncommitted
 *     changes), else the checkout's HEAD, else "unknown"
 * @param amdim4jVersion project version
 * @param javaVersion java.version
 * @param djlVersion DJL api version
 * @param engine engine name and version, e.g. "PyTorch 2.7.1"
 * @param os os.name and os.version
 * @param arch os.arch
 * @param threads intra-op threads requested for the engine
 * @param createdAt creation instant, ISO-8601
 */
public record Provenance(
        String gitCommit,
        String amdim4jVersion,
        String javaVersion,
        String djlVersion,
        String engine,
        String os,
        String arch,
        int threads,
        String createdAt) {

    /** Intra-op threads the engine was asked for: the launcher's {@code -Dai.djl.pytorch.num_threads}, else all cores. */
    public static int engineThreads() {
        return Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
    }

    /** Project version, from the jar manifest when packaged. */
    public static String projectVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Captures the current platform. {@code engine} is passed in because only callers may touch DJL. */
    public static Provenance capture(String djlVersion, String engine, int threads) {
        return new Provenance(
                commit(buildCommit(), Path.of("").toAbsolutePath()),
                projectVersion(),
                System.getProperty("java.version"),
                djlVersion,
                engine,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"),
                threads,
                Instant.now().toString());
    }

    /** Resource the build writes (git-commit-id-maven-plugin): the commit the classes were compiled from. */
    static final String BUILD_COMMIT_RESOURCE = "build-commit.properties";

    /**
     * The commit the running classes were built from, with "-dirty" if the tree had uncommitted
     * changes then; empty when they were built outside a checkout. Preferred over the checkout's
     * HEAD, which may have moved on while a long run used an older jar.
     */
    static Optional<String> buildCommit() {
        try (InputStream in = Provenance.class.getResourceAsStream(BUILD_COMMIT_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return buildCommit(properties);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The commit of a build-commit.properties file's content, if it names one. */
    static Optional<String> buildCommit(Properties properties) {
        String commit = properties.getProperty("git.commit.id.full", "");
        if (!commit.matches("[0-9a-f]{40}")) {
            return Optional.empty();
        }
        return Optional.of(Boolean.parseBoolean(properties.getProperty("git.dirty")) ? commit + "-dirty" : commit);
    }

    /** The commit the classes were built from if known, else the HEAD of the checkout at {@code dir}. */
    static String commit(Optional<String> built, Path dir) {
        return built.orElseGet(() -> gitCommit(dir));
    }

    /** HEAD of the checkout at {@code dir}, "-dirty" if tracked files changed; "unknown" outside one. */
    static String gitCommit(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return dirty(dir) ? out + "-dirty" : out;
            }
        } catch (IOException e) {
            // no git on this machine: provenance still records everything else
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }

    private static boolean dirty(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        return p.waitFor(10, TimeUnit.SECONDS) && !out.isEmpty();
    }

    /** True if {@code dir} looks like a git checkout; used by tests to decide what to expect. */
    static boolean isCheckout(Path dir) {
        return Files.exists(dir.resolve(".git"));
    }
}
