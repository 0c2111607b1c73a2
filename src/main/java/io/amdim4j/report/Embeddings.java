package io.amdim4j.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output directory of {@code amdim embed}: {@code embeddings.npy} and {@code index.csv},
 * checked to describe the same rows.
 *
 * @param dir the directory
 * @param matrix the N×D embeddings
 * @param index what each row is
 */
public record Embeddings(Path dir, EmbeddingMatrix matrix, EmbeddingIndex index) {

    public static final String NPY = "embeddings.npy";
    public static final String INDEX_CSV = "index.csv";

    public Embeddings {
        if (matrix.rows() != index.size()) {
            throw new IllegalArgumentException(dir + ": " + NPY + " has " + matrix.rows() + " rows but " + INDEX_CSV
                    + " lists " + index.size());
        }
    }

    /** True if {@code dir} holds both files. */
    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(NPY)) && Files.isRegularFile(dir.resolve(INDEX_CSV));
    }

    /**
     * Reads both files.
     *
     * @throws IOException if either is missing, malformed, or they disagree on the row count
     */
    public static Embeddings read(Path dir) throws IOException {
        for (String name : new String[] {NPY, INDEX_CSV}) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new IOException(dir + " has no " + name + " (write it with amdim embed)");
            }
        }
        EmbeddingMatrix matrix = EmbeddingMatrix.read(dir.resolve(NPY));
        EmbeddingIndex index = EmbeddingIndex.read(dir.resolve(INDEX_CSV));
        if (matrix.rows() != index.size()) {
            throw new IOException(dir + ": " + NPY + " has " + matrix.rows() + " rows but " + INDEX_CSV
                    + " lists " + index.size());
        }
        return new Embeddings(dir, matrix, index);
    }
}
