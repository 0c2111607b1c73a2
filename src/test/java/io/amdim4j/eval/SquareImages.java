package io.amdim4j.eval;

import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.data.Sample;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * In-memory 3×32×32 images whose class is visible: class c has a bright 8×8 square at a
 * class-specific place on a noisy background, so raw pixels separate the classes. Image i has
 * class i mod classes; {@code unlabelledEvery > 0} hides the label of every such image.
 */
record SquareImages(int size, int classes, long seed, int background, int unlabelledEvery) implements ImageDataset {

    static final int SIDE = 32;
    private static final int SQUARE = 8;

    SquareImages(int size, int classes, long seed) {
        this(size, classes, seed, 0, 0);
    }

    @Override
    public Sample get(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        int c = index % classes;
        byte[] pixels = new byte[3 * SIDE * SIDE];
        int top = (c / 3) * (SQUARE + 2);
        int left = (c % 3) * (SQUARE + 2);
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean inSquare = y >= top && y < top + SQUARE && x >= left && x < left + SQUARE;
                    int v = inSquare ? 230 : background + random.nextInt(60);
                    pixels[(ch * SIDE + y) * SIDE + x] = (byte) Math.min(255, v);
                }
            }
        }
        boolean hidden = unlabelledEvery > 0 && index % unlabelledEvery == 0;
        return new Sample(new RawImage(3, SIDE, SIDE, pixels), hidden ? Sample.UNLABELLED : c);
    }

    @Override
    public List<String> classNames() {
        return IntStream.range(0, classes).mapToObj(c -> "square-" + c).toList();
    }

    @Override
    public String describe() {
        return "squares(" + size + ", seed " + seed + ")";
    }
}
