package io.amdim4j.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How many neighbours a vector-index query returns and how wide its graph search is: search and bench search. */
final class NeighbourOptions {

    @Option(names = {"-k", "--k"}, converter = AtLeastOne.class,
            description = "Results per query (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Option(names = "--candidates", converter = AtLeastOne.class,
            description = "Graph candidates per query, efSearch (default: ${DEFAULT-VALUE}).")
    int candidates = 100;

    /** A count of results or candidates: 0 would quietly mean "k" or nothing, so it is refused as it is read. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < 1) {
                throw new TypeConversionException(n + ": must be at least 1");
            }
            return n;
        }
    }
}
