package io.amdim4j.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.FloatBuffer;

/**
 * Memory layout of the encoder's input batch, which PyTorch's convolutions propagate to every
 * activation after them.
 *
 * <p>DJL 0.36 has no memory-format API, but PyTorch's convolution follows the strides of its
 * input: a batch stored N×H×W×C and handed over as a transposed N×C×H×W view makes oneDNN run
 * channels-last and return channels-last outputs, so the reorders to and from its blocked layout
 * around every convolution disappear. With bf16 autocast that was measured 1.34x faster per
 * update than float32 (issue 13); autocast in the plain layout gained nothing.
 */
public enum MemoryFormat {
    /** The plain N×C×H×W layout. */
    CONTIGUOUS,
    /** N×H×W×C storage viewed as N×C×H×W. */
    CHANNELS_LAST,
    /** Channels-last with bf16, contiguous with fp32. */
    AUTO;

    /** The command-line and JSON name: {@code contiguous}, {@code channels_last} or {@code auto}. */
    @JsonValue
    @Override
    public String toString() {
        return OptionNames.of(this);
    }

    /**
     * An N×C×H×W engine array of host pixels in this layout.
     *
     * @param manager owner of the array
     * @param nchw pixels in N×C×H×W order
     * @param shape N, C, H, W
     * @return an array of shape N×C×H×W whose storage is in this layout
     */
    public NDArray input(NDManager manager, float[] nchw, Shape shape) {
        if (shape.dimension() != 4 || shape.size() != nchw.length) {
            throw new IllegalArgumentException("an N×C×H×W batch of " + nchw.length + " values cannot have shape "
                    + shape);
        }
        return switch (this) {
            case CONTIGUOUS -> manager.create(FloatBuffer.wrap(nchw), shape);
            case CHANNELS_LAST -> manager.create(FloatBuffer.wrap(toNhwc(nchw, shape)),
                            new Shape(shape.get(0), shape.get(2), shape.get(3), shape.get(1)))
                    .transpose(0, 3, 1, 2);
            case AUTO -> throw new IllegalStateException("memory format 'auto' is resolved before use");
        };
    }

    /** The same pixels in N×H×W×C order. */
    static float[] toNhwc(float[] nchw, Shape shape) {
        int n = Math.toIntExact(shape.get(0));
        int c = Math.toIntExact(shape.get(1));
        int hw = Math.toIntExact(shape.get(2) * shape.get(3));
        float[] nhwc = new float[nchw.length];
        for (int i = 0; i < n; i++) {
            int base = i * c * hw;
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    nhwc[base + p * c + ch] = nchw[base + ch * hw + p];
                }
            }
        }
        return nhwc;
    }
}
