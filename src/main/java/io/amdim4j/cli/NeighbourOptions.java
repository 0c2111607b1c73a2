package io.amdim4j.cli;

import picocli.CommandLine.Option;

/** How many neighbours a vector-index query returns and how wide its graph search is: search and bench search. */
final class NeighbourOptions {

    @Option(names = {"-k", "--k"}, converter = AtLeastOne.class,
            description = "Results per query (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Option(names = "--candidates", converter = AtLeastOne.class,
            description = "Graph candidates per query, efSearch (default: ${DEFAULT-VALUE}).")
    int candidates = 100;

    /** A count of results or candidates: 0 would quietly mean "k" or nothing, so it is refused as it is read. */
    static final class AtLeastOne extends ParseConverter<Integer> {
        AtLeastOne() {
            super(value -> {
                int n = Integer.parseInt(value.strip()); // a NumberFormatException is an IllegalArgumentException
                if (n < 1) {
                    throw new IllegalArgumentException(n + ": must be at least 1");
                }
                return n;
            });
        }
    }
}
