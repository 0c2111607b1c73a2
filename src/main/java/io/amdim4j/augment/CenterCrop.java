package io.amdim4j.augment;

/**
 * The central {@code size × size} window, offsets round((H − size)/2) and round((W − size)/2) with
 * round half to even as torchvision does (spec §5.5).
 *
 * @param size side of the window
 */
record CenterCrop(int size) {

    public CenterCrop {
        if (size <= 0) {
            throw new IllegalArgumentException("centre crop size must be positive, got " + size);
        }
    }

    /** The window as a new image; an image smaller than the window is an error. */
    public FloatImage apply(FloatImage image) {
        int h = image.height();
        int w = image.width();
        if (h < size || w < size) {
            throw new IllegalArgumentException(
                    "cannot centre-crop " + size + "x" + size + " from a " + h + "x" + w + " image");
        }
        int top = (int) Math.rint((h - size) / 2.0);
        int left = (int) Math.rint((w - size) / 2.0);
        float[] src = image.data();
        float[] dst = new float[image.channels() * size * size];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(src, (c * h + top + y) * w + left, dst, (c * size + y) * size, size);
            }
        }
        return new FloatImage(image.channels(), size, size, dst);
    }
}
