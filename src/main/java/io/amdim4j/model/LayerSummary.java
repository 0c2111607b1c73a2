package io.amdim4j.model;

import java.util.Arrays;

/**
 * One row of the encoder summary (spec §2.3 tables plus §2.5 counts), computed without the engine.
 *
 * @param name reference name and block notation, e.g. {@code layer_list.2 RB(4, 2; 128->256; d=3)}
 * @param outShape output shape for one image: C, H, W
 * @param receptiveField receptive field of one output location, in input pixels
 * @param stride cumulative stride, in input pixels
 * @param parameters parameters of this layer that receive gradients (spec §2.5 counting)
 */
public record LayerSummary(
        String name, long[] outShape, int receptiveField, int stride, long parameters) {

    /** Copies the shape so the record stays immutable. */
    public LayerSummary {
        outShape = outShape.clone();
    }

    /**
     * The output shape for one image (a copy).
     *
     * @return C, H, W
     */
    @Override
    public long[] outShape() {
        return outShape.clone();
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSummary other
                && name.equals(other.name)
                && Arrays.equals(outShape, other.outShape)
                && receptiveField == other.receptiveField
                && stride == other.stride
                && parameters == other.parameters;
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(outShape);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return name + " " + Arrays.toString(outShape) + " RF " + receptiveField + " (" + stride
                + ") params " + parameters;
    }
}
