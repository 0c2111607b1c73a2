package io.amdim4j.cli;

import io.amdim4j.bench.PrimitiveProfile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An amdim command run in a child JVM like this one (same Java, JVM options, class path and environment),
 * its standard output split into oneDNN's verbose lines and the command's own report. oneDNN prints to the
 * process's standard output through C's stdio, which only a separate process keeps apart from the report.
 *
 * @param exitCode the child's exit code
 * @param verbose oneDNN's lines
 * @param report every other line of the child's standard output
 * @param lastError the last line of the child's standard error, empty if none
 */
record ChildRun(int exitCode, List<String> verbose, List<String> report, String lastError) {

    ChildRun {
        verbose = List.copyOf(verbose);
        report = List.copyOf(report);
    }

    /**
     * Runs {@code amdim ARGS} in a child JVM and waits for it.
     *
     * @param args the command's arguments, e.g. {@code bench train-step ...}
     * @return what it printed
     */
    static ChildRun of(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        Path stderr = Files.createTempFile("amdim-child-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            p.getOutputStream().close();
            List<String> verbose = new ArrayList<>();
            List<String> report = new ArrayList<>();
            try (var lines = p.inputReader(StandardCharsets.UTF_8).lines()) {
                lines.forEach(l -> (PrimitiveProfile.isVerbose(l) ? verbose : report).add(l));
            }
            int code = p.waitFor();
            List<String> err = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            return new ChildRun(code, verbose, report, err.isEmpty() ? "" : err.get(err.size() - 1));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
