package io.amdim4j.search;

/**
 * Parameters of the HNSW graph (Malkov &amp; Yashunin 2018) as Lucene names them.
 *
 * @param maxConnections links per node and layer (M); more links, better recall, larger index
 * @param beamWidth candidates kept while inserting a node (efConstruction)
 */
public record HnswSettings(int maxConnections, int beamWidth) {

    /** Lucene's own defaults (M 16, efConstruction 100). */
    public static final HnswSettings DEFAULTS = new HnswSettings(16, 100);

    /** Lucene refuses graphs with more links than this. */
    private static final int MAX_CONNECTIONS_LIMIT = 512;
    /** Lucene refuses wider insertion beams than this. */
    private static final int BEAM_WIDTH_LIMIT = 3200;

    /**
     * Checks both numbers against Lucene's limits, naming the command-line option.
     *
     * @param maxConnections M, in [2, 512]
     * @param beamWidth efConstruction, in [1, 3200]
     * @throws IllegalArgumentException if either is out of range
     */
    public HnswSettings {
        if (maxConnections < 2 || maxConnections > MAX_CONNECTIONS_LIMIT) {
            throw new IllegalArgumentException("--hnsw-m must be in [2, " + MAX_CONNECTIONS_LIMIT + "], got "
                    + maxConnections);
        }
        if (beamWidth < 1 || beamWidth > BEAM_WIDTH_LIMIT) {
            throw new IllegalArgumentException("--hnsw-beam must be in [1, " + BEAM_WIDTH_LIMIT + "], got "
                    + beamWidth);
        }
    }
}
