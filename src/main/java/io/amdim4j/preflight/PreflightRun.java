package io.amdim4j.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.amdim4j.run.OutputDirectory;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One child JVM of the preflight and what became of it. The child is the parent's own {@code java}
 * binary and class path; its output, its oneDNN trace and its crash report go to a fresh temporary
 * directory, kept when it crashed (the line names the report) and deleted when it passed.
 *
 * @param passed whether the forward and backward passes finished
 * @param outcome {@code crashed} or {@code failed}; {@code passed} when it passed
 * @param reason the signal, the failing frame or primitive and where the crash report is; or the error
 * @param cacheable whether the verdict says something about the combination (not a timeout, not a child
 *     that could not start, not one killed from outside)
 */
record PreflightRun(boolean passed, String outcome, String reason, boolean cacheable) {

    /** A child still running after this long is stopped and the combination given up for this run only. */
    static final long TIMEOUT_MINUTES = 30;

    /** Signals that end a child from outside without a crash report; their verdicts are not kept. */
    private static final List<Signal> KILLED_FROM_OUTSIDE = List.of(Signal.SIGKILL, Signal.SIGTERM, Signal.SIGINT);

    /** oneDNN prints each primitive it creates (and the ones it tries) on stdout with this prefix. */
    private static final String ONEDNN_LINE = "onednn_verbose,";

    /**
     * Runs the passes of {@code combination} in a child JVM.
     *
     * @param combination what to prove
     * @param testCrash test-only: combinations whose child dies
     * @return the child's verdict
     */
    static PreflightRun of(PreflightCombination combination, PreflightTestCrash testCrash) {
        try {
            Path dir = Files.createTempDirectory("amdim-preflight-");
            Path log = dir.resolve("child.log");
            ProcessBuilder builder = new ProcessBuilder(command(combination, testCrash, dir));
            // every primitive oneDNN creates, so that a crash names the one it was creating
            builder.environment().putIfAbsent("ONEDNN_VERBOSE", "all");
            Process child = builder.redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(dir.toFile()) // anything else a crash writes lands here too
                    .start();
            child.getOutputStream().close();
            if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly().waitFor();
                return new PreflightRun(false, "failed", "still running after " + TIMEOUT_MINUTES + " minutes; its "
                        + "output is in " + log, false);
            }
            int status = child.exitValue();
            if (status == 0) {
                OutputDirectory.removeContents(dir, true);
                return new PreflightRun(true, "passed", null, true);
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            Optional<Path> report = crashReport(dir);
            if (status == 1 && report.isEmpty()) {
                String error = lines.stream().filter(l -> l.startsWith(PreflightChild.FAILED)).reduce((a, b) -> b)
                        .map(l -> l.substring(PreflightChild.FAILED.length()))
                        .orElse("exit status 1, output in " + log);
                return new PreflightRun(false, "failed", error, true);
            }
            // killed from outside (the kernel's out-of-memory killer, a user): not a verdict on the combination
            boolean killed = report.isEmpty()
                    && Signal.ofExitStatus(status).filter(KILLED_FROM_OUTSIDE::contains).isPresent();
            return new PreflightRun(false, "crashed", crashReason(status, lines, report, log), !killed);
        } catch (IOException e) {
            return new PreflightRun(false, "failed", "the child JVM could not run: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the preflight's child JVM ran", e);
        }
    }

    /** The child's command line: this JVM's java and class path, the engine's settings, a report directory. */
    static List<String> command(PreflightCombination combination, PreflightTestCrash testCrash, Path dir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"));
        cmd.add("-XX:TieredStopAtLevel=1"); // a short job: start fast
        // the engine's threads, offline mode and the like, as in this JVM: the kernels chosen depend on them
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("ai.djl.")).sorted()
                .forEach(n -> cmd.add("-D" + n + "=" + System.getProperty(n)));
        if (!testCrash.rules().isEmpty()) {
            cmd.add("-D" + Preflight.TEST_CRASH_PROPERTY + "=" + testCrash.spec());
        }
        cmd.add(PreflightChild.class.getName());
        try {
            cmd.add(RunJson.mapper().writeValueAsString(combination));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the preflight's combination as JSON", e);
        }
        return cmd;
    }

    /**
     * How a child crashed, in one line: the signal (from the crash report, else the exit status), the
     * problematic frame, the last oneDNN primitive it was creating, and where the report is.
     */
    static String crashReason(int status, List<String> output, Optional<Path> report, Path log) throws IOException {
        List<String> hsErr = report.isPresent() ? Files.readAllLines(report.get(), StandardCharsets.ISO_8859_1)
                : List.of();
        String signal = hsErr.stream().map(String::trim).filter(l -> l.matches("#\\s+SIG[A-Z0-9]+ .*"))
                .findFirst().map(l -> l.substring(1).trim().split("\\s+")[0])
                .orElse(Signal.ofExitStatus(status).map(Enum::name).orElse("exit status " + status));
        StringBuilder reason = new StringBuilder(signal);
        problematicFrame(hsErr).ifPresent(f -> reason.append(" in ").append(f));
        lastPrimitive(output).ifPresent(p -> reason.append(", oneDNN ").append(p));
        reason.append(report.isPresent() ? ", crash report " + report.get() : ", output in " + log);
        return reason.toString();
    }

    /** {@code libtorch_cpu.so dnnl::…::est_eff_1x1()} from the report's "Problematic frame" section. */
    static Optional<String> problematicFrame(List<String> hsErr) {
        for (int i = 0; i + 1 < hsErr.size(); i++) {
            if (hsErr.get(i).startsWith("# Problematic frame:")) {
                // "# C  [libtorch_cpu.so+0x5c3d2e1]  dnnl::impl::...()+0x71": kind, [library+offset], symbol
                String frame = hsErr.get(i + 1).replaceFirst("^#\\s*\\S+\\s+", "").trim();
                return Optional.of(frame.replaceFirst("^\\[([^+\\]]+)[^\\]]*\\]\\s*", "$1 ").trim());
            }
        }
        return Optional.empty();
    }

    /**
     * The last primitive of a oneDNN verbose trace with a problem descriptor: its kind, direction,
     * source layout and problem, e.g. {@code convolution forward_training src:bf16::blocked:acdb::f0
     * mb32_ic512oc1024_ih5oh5kh1sh1dh0ph0_iw5ow5kw1sw1dw0pw0}.
     */
    static Optional<String> lastPrimitive(List<String> output) {
        return output.stream().filter(l -> l.startsWith(ONEDNN_LINE + "v1,primitive,create"))
                .map(l -> List.of(l.split(",")))
                .filter(f -> f.stream().anyMatch(PreflightRun::isProblem))
                .reduce((a, b) -> b).map(f -> {
                    // create:dispatch,KIND,cpu,…; create:cache_miss,cpu,KIND,…
                    String kind = f.get(4).equals("cpu") ? f.get(5) : f.get(4);
                    StringBuilder s = new StringBuilder(kind);
                    f.stream().filter(PROP_KINDS::contains).findFirst().ifPresent(p -> s.append(' ').append(p));
                    f.stream().filter(x -> x.startsWith("src:")).findFirst()
                            .ifPresent(x -> s.append(' ').append(x.split(" ")[0]));
                    f.stream().filter(PreflightRun::isProblem).findFirst().ifPresent(x -> s.append(' ').append(x));
                    return s.toString();
                });
    }

    private static final List<String> PROP_KINDS = List.of("forward_training", "forward_inference", "backward_data",
            "backward_weights", "backward");

    private static boolean isProblem(String field) {
        return field.matches("mb\\d+.*") || field.matches("\\d+x\\d+.*");
    }

    private static Optional<Path> crashReport(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).findFirst();
        }
    }
}
