package io.amdim4j.dist;

import static org.assertj.core.api.Assertions.fail;

import io.amdim4j.runtime.InjectedCpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code mpiexec -n N java -cp <the tests' class path> MAIN ARGS…} the way a user starts a
 * data-parallel run, each rank with one engine thread (two ranks share this machine's two cores).
 */
public final class MpiExec {

    /** Guards against a hung job only; no test asserts on time. */
    public static final long TIMEOUT_SECONDS = 300;

    private MpiExec() {
    }

    /** The command line of an N-rank job; {@code ranks} lists each rank's program and arguments (MPMD). */
    public static List<String> command(List<List<String>> ranks) {
        List<String> command = new ArrayList<>(List.of(mpiexec()));
        for (int i = 0; i < ranks.size(); i++) {
            if (i > 0) {
                command.add(":");
            }
            command.addAll(List.of("-n", "1", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                    "-Dai.djl.pytorch.num_threads=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
            command.addAll(ranks.get(i));
        }
        return command;
    }

    /** The same program and arguments on {@code n} ranks. */
    public static List<String> command(int n, List<String> program) {
        List<List<String>> ranks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ranks.add(program);
        }
        return command(ranks);
    }

    /** Starts a job whose output (stdout and stderr of every rank) goes to {@code log}. */
    public static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().putAll(InjectedCpu.environment()); // every rank sees the CPU this test sees
        return builder.start();
    }

    /**
     * Runs a job to its end.
     *
     * @return its exit code and output
     */
    public static Result run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = start(command, log);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("mpiexec did not end within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Runs a job that must succeed; fails the test with its output otherwise. */
    public static String succeed(List<String> command, Path log) throws IOException, InterruptedException {
        Result r = run(command, log);
        if (r.exitCode() != 0) {
            fail("mpiexec exited with " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /** What a finished job left. */
    public record Result(int exitCode, String output) {}

    private static String mpiexec() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "mpiexec"))) {
                return Path.of(dir, "mpiexec").toString();
            }
        }
        return fail("mpiexec is not on the PATH: ./run-tests installs MPICH (apt-get install mpich libmpich-dev)");
    }
}
