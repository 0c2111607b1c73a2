package io.amdim4j.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a small CIFAR-10 binary dataset (all five train batches and the test batch) whose images
 * carry their class: class k is a noisy picture with a bright square at a class-specific place and
 * a class-specific tint, so probes have something to learn.
 */
public final class TinyCifar {

    private static final int SIDE = 32;
    private static final int RECORD = 1 + 3 * SIDE * SIDE;

    private TinyCifar() {}

    public static Path write(Path dir, int perTrainBatch, int test, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 1; b <= 5; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), records(perTrainBatch, rng));
        }
        Files.write(dir.resolve("test_batch.bin"), records(test, rng));
        return dir;
    }

    private static byte[] records(int n, SplittableRandom rng) {
        byte[] out = new byte[n * RECORD];
        for (int i = 0; i < n; i++) {
            int label = rng.nextInt(10);
            int base = i * RECORD;
            out[base] = (byte) label;
            int sy = 4 + (label / 5) * 14;
            int sx = 2 + (label % 5) * 5;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        int v = 40 + rng.nextInt(60) + (c == label % 3 ? 40 : 0);
                        if (y >= sy && y < sy + 10 && x >= sx && x < sx + 8) {
                            v = 230 - rng.nextInt(20);
                        }
                        out[base + 1 + (c * SIDE + y) * SIDE + x] = (byte) v;
                    }
                }
            }
        }
        return out;
    }
}
