package io.amdim4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the four Fashion-MNIST IDX files under their standard names (uncompressed) for a small
 * dataset of 28×28 images, so commands that default to Fashion-MNIST can run on it in a test. Image i
 * has label i mod 10 (so every class is present) and is noise with a bright band at a class-specific row.
 */
public final class TinyFashionMnist {

    private static final int SIDE = 28;

    private TinyFashionMnist() {}

    public static Path write(Path dir, int train, int test, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(seed);
        writeSplit(dir, "train", train, rng);
        writeSplit(dir, "t10k", test, rng);
        return dir;
    }

    private static void writeSplit(Path dir, String prefix, int n, SplittableRandom rng) throws IOException {
        byte[] pixels = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int label = i % IdxDataset.NUM_CLASSES;
            labels[i] = (byte) label;
            int band = 2 + 2 * label;
            for (int p = 0; p < SIDE * SIDE; p++) {
                int y = p / SIDE;
                pixels[i * SIDE * SIDE + p] = (byte) (y >= band && y < band + 4 ? 200 + rng.nextInt(50) : rng.nextInt(60));
            }
        }
        FormatWriters.write(dir.resolve(prefix + "-images-idx3-ubyte"),
                FormatWriters.idx(IdxDataset.IMAGES_MAGIC, new int[] {n, SIDE, SIDE}, pixels));
        FormatWriters.write(dir.resolve(prefix + "-labels-idx1-ubyte"),
                FormatWriters.idx(IdxDataset.LABELS_MAGIC, new int[] {n}, labels));
    }
}
