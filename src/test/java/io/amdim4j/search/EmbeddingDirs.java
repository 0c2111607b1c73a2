package io.amdim4j.search;

import io.amdim4j.embed.NpyWriter;
import io.amdim4j.report.Embeddings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes {@code amdim embed}-format directories of synthetic vectors for the search tests. */
final class EmbeddingDirs {

    static final String[] CLASSES = {"cat", "dog, large", "ship"};

    private EmbeddingDirs() {
    }

    /** {@code rows} vectors around {@code CLASSES.length} random centres; row r has label r % classes. */
    static Embeddings clustered(Path dir, int rows, int d, long seed) throws IOException {
        Random random = new Random(seed);
        float[][] centres = new float[CLASSES.length][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) random.nextGaussian();
            }
        }
        float[] values = new float[rows * d];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                values[r * d + j] = centres[r % CLASSES.length][j] + (float) (0.7 * random.nextGaussian());
            }
        }
        return write(dir, values, rows, d);
    }

    /** Writes the matrix with index.csv lines {@code r, 100 + r, r % 3, CLASSES[r % 3]}. */
    static Embeddings write(Path dir, float[] values, int rows, int d) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(Embeddings.NPY))) {
            NpyWriter npy = new NpyWriter(out, rows, d);
            npy.writeRows(values, rows);
            npy.finish();
        }
        StringBuilder index = new StringBuilder("row,index,label,class_name\n");
        for (int r = 0; r < rows; r++) {
            String name = CLASSES[r % CLASSES.length];
            index.append(r).append(',').append(100 + r).append(',').append(r % CLASSES.length).append(',')
                    .append(name.contains(",") ? '"' + name + '"' : name).append('\n');
        }
        Files.writeString(dir.resolve(Embeddings.INDEX_CSV), index, StandardCharsets.UTF_8);
        return Embeddings.read(dir);
    }
}
