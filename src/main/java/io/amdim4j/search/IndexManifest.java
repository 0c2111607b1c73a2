package io.amdim4j.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.amdim4j.run.AtomicFile;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code index.json} in an index directory: what the index holds, so that a query from an encoder
 * of another dimension, or a directory that is no index, is refused by name before Lucene sees it.
 *
 * @param formatVersion {@link #FORMAT_VERSION} when written
 * @param rows number of vectors
 * @param dimension length of every vector
 * @param similarity always {@code "cosine"}
 * @param maxConnections HNSW M the graph was built with
 * @param beamWidth HNSW efConstruction the graph was built with
 * @param embeddings the {@code amdim embed} directory the vectors came from, as given
 */
public record IndexManifest(int formatVersion, int rows, int dimension, String similarity, int maxConnections,
        int beamWidth, String embeddings) {

    public static final String FILE = "index.json";
    static final int FORMAT_VERSION = 1;
    static final String COSINE = "cosine";

    /** The settings the graph was built with. */
    HnswSettings hnsw() {
        return new HnswSettings(maxConnections, beamWidth);
    }

    /**
     * Reads {@code dir/index.json}.
     *
     * @throws IOException if the directory holds no index of this format (the message names it)
     */
    static IndexManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a vector index: it has no " + FILE + " (build one with amdim index)");
        }
        IndexManifest manifest;
        try {
            manifest = RunJson.mapper().readValue(file.toFile(), IndexManifest.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a readable index manifest (" + e.getOriginalMessage()
                    + "); rebuild the index with amdim index", e);
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new IOException(file + " has index format " + manifest.formatVersion() + "; this version reads "
                    + FORMAT_VERSION);
        }
        if (!COSINE.equals(manifest.similarity())) {
            throw new IOException(file + " names similarity '" + manifest.similarity() + "'; only cosine is read");
        }
        return manifest;
    }

    void write(Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE), RunJson.mapper().writeValueAsBytes(this));
    }
}
