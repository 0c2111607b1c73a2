package io.amdim4j;

import static org.assertj.core.api.Assertions.fail;

import io.amdim4j.runtime.InjectedCpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program run the way a user runs it from a shell, for tests that build and start separate projects. */
final class ChildProcess {

    /** Guards against a hung child only; no test asserts on time. */
    private static final long TIMEOUT_MINUTES = 10;

    private ChildProcess() {}

    /**
     * Runs {@code command} in {@code dir} with the engine offline ({@code DJL_OFFLINE=true}); fails the
     * test, with everything the program printed, if it exits non-zero or hangs.
     *
     * @return what the program printed, stdout and stderr together
     */
    static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        return run(dir, command, Map.of());
    }

    /** As {@link #run(Path, List)}, with {@code environment} added to (or replacing in) the child's. */
    static String run(Path dir, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "child-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().putAll(InjectedCpu.environment()); // the child sees the CPU this test sees
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " in " + dir + " did not end within " + TIMEOUT_MINUTES
                    + " minutes; output so far:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " in " + dir + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }
}
