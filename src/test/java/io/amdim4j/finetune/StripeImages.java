package io.amdim4j.finetune;

import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.data.Sample;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 3×32×32 images whose class survives AMDIM's training augmentation (flips, crops, colour jitter,
 * grayscale): class 0 has horizontal stripes, class 1 vertical ones, on noise. Image i has class i mod 2.
 */
record StripeImages(int size, long seed) implements ImageDataset {

    static final int SIDE = 32;
    private static final int PERIOD = 4;

    @Override
    public Sample get(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        int label = index % 2;
        int phase = random.nextInt(PERIOD);
        byte[] pixels = new byte[3 * SIDE * SIDE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int along = label == 0 ? y : x;
                    boolean bright = (along + phase) % PERIOD < PERIOD / 2;
                    pixels[(c * SIDE + y) * SIDE + x] = (byte) ((bright ? 170 : 40) + random.nextInt(40));
                }
            }
        }
        return new Sample(new RawImage(3, SIDE, SIDE, pixels), label);
    }

    @Override
    public List<String> classNames() {
        return List.of("horizontal", "vertical");
    }

    @Override
    public String describe() {
        return "stripes(" + size + ")";
    }
}
