package io.amdim4j.cli;

import picocli.CommandLine.Option;

/** How many neighbours a vector-index query returns and how wide its graph search is: search and bench search. */
final class NeighbourOptions {

    @Option(names = {"-k", "--k"}, description = "Results per query (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Option(names = "--candidates", description = "Graph candidates per query, efSearch (default: ${DEFAULT-VALUE}).")
    int candidates = 100;
}
