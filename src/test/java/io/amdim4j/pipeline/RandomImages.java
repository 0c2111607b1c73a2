package io.amdim4j.pipeline;

import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.data.Sample;
import java.util.List;
import java.util.SplittableRandom;

/** A dataset of random 8-bit images; image i is fixed by i, its label is i mod 10. */
record RandomImages(int size, int channels, int side) implements ImageDataset {

    static final int CLASSES = 10;

    @Override
    public Sample get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        byte[] pixels = new byte[channels * side * side];
        new SplittableRandom(index * 7919L + side).nextBytes(pixels);
        return new Sample(new RawImage(channels, side, side, pixels), index % CLASSES);
    }

    @Override
    public List<String> classNames() {
        return List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Override
    public String describe() {
        return "random " + channels + "x" + side + "x" + side + " (" + size + ")";
    }
}
