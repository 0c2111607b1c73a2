package io.amdim4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --threads} of the commands that read images outside pre-training (eval, embed, bench data):
 * how many threads decode and transform them. Pre-training's {@code --loader-threads} is recorded
 * in the run and keeps its own name.
 */
final class ImageThreadsOption {

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads decoding and transforming images (default: ${DEFAULT-VALUE}).")
    int count = 1;
}
