package io.amdim4j.cli;

import io.amdim4j.search.HnswSettings;
import picocli.CommandLine.Option;

/** The graph parameters of a vector index being built: index and bench search. */
final class HnswOptions {

    @Option(names = "--hnsw-m", description = "Links per node of the graph (default: ${DEFAULT-VALUE}).")
    int maxConnections = HnswSettings.DEFAULTS.maxConnections();

    @Option(names = "--hnsw-beam", description = "Candidates kept while inserting a node (default: ${DEFAULT-VALUE}).")
    int beamWidth = HnswSettings.DEFAULTS.beamWidth();

    HnswSettings settings() {
        return new HnswSettings(maxConnections, beamWidth);
    }
}
