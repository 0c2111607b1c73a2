package io.amdim4j.model;

/**
 * The geometry every convolutional block of spec §2.2 is built from: kernel (window) side, stride
 * and output channels. Shared by the builders of {@link StemConv}, {@link ResidualUnit} and
 * {@link ResidualBlock} so that each states only what is its own.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class ConvGeometryBuilder<B extends ConvGeometryBuilder<B>> {

    int kernelSize;
    int stride = 1;
    int outChannels;

    ConvGeometryBuilder() {}

    /** This builder, typed. */
    abstract B self();

    /**
     * Sets the kernel side: k of a stem conv, the window w of a unit's K1 and its pooling shortcut,
     * or of a block's first unit (required).
     *
     * @param k the kernel side
     * @return this builder
     */
    public B setKernelSize(int k) {
        kernelSize = k;
        return self();
    }

    /**
     * Sets the stride s (default 1); a block applies it to its first unit only.
     *
     * @param s the stride
     * @return this builder
     */
    public B optStride(int s) {
        stride = s;
        return self();
    }

    /**
     * Sets c_out (required; a residual unit needs at least its input width).
     *
     * @param channels output channels
     * @return this builder
     */
    public B setOutChannels(int channels) {
        outChannels = channels;
        return self();
    }

    /**
     * Rejects a non-positive kernel, stride or width, naming the block and every value.
     *
     * @param block the block's name in the message
     * @param extra further "name=value" text for the message, or empty
     * @param extraValid whether the block's own settings are valid
     */
    void checkGeometry(String block, String extra, boolean extraValid) {
        if (kernelSize < 1 || stride < 1 || outChannels < 1 || !extraValid) {
            throw new IllegalArgumentException(block + " needs kernelSize ≥ 1, stride ≥ 1, outChannels ≥ 1"
                    + (extra.isEmpty() ? "" : " and valid " + extra) + "; got k=" + kernelSize + ", s=" + stride
                    + ", c_out=" + outChannels + (extra.isEmpty() ? "" : ", " + extra));
        }
    }
}
