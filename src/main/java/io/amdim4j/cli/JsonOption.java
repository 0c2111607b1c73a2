package io.amdim4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json} of the commands that print either a human-readable text or one JSON object
 * (summary, bench data, bench train-step). {@code eval --json} means more (the table moves to
 * stderr) and keeps its own option.
 */
final class JsonOption {

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean on;
}
