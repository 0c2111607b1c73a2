package io.amdim4j.cli;

import picocli.CommandLine.Option;

/** {@code --no-progress}, the same switch in every command that draws a live progress bar. */
final class ProgressOption {

    @Option(names = "--no-progress", description = "No live progress bar.")
    boolean off;

    /** Whether the live progress bar is drawn. */
    boolean shown() {
        return !off;
    }
}
