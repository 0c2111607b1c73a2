package io.amdim4j.model;

/**
 * One row of an encoder layer table (spec §2.3): what the reference calls {@code layer_list.K}.
 *
 * @param index K, the position in the reference's layer sequence (also the row number "#" of the
 *     spec's tables)
 * @param kind the block type
 * @param kernel k of a stem conv, w of a residual unit/block (1 for BN)
 * @param stride s (1 for BN)
 * @param reflectPad reflect padding of a stem conv in pixels (0 elsewhere)
 * @param inChannels c_in
 * @param outChannels c_out
 * @param units number of residual units (d for a block, 1 otherwise)
 */
public record LayerSpec(
        int index,
        LayerKind kind,
        int kernel,
        int stride,
        int reflectPad,
        int inChannels,
        int outChannels,
        int units) {

    /** Checks the geometry; residual units need c_out ≥ c_in (spec §2.2). */
    public LayerSpec {
        if (kernel < 1 || stride < 1 || reflectPad < 0 || inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("invalid layer geometry in layer " + index);
        }
        boolean residual = kind == LayerKind.RESIDUAL_UNIT || kind == LayerKind.RESIDUAL_BLOCK;
        if (residual && outChannels < inChannels) {
            throw new IllegalArgumentException(
                    "layer " + index + ": a residual unit needs c_out ≥ c_in, got "
                            + inChannels + " -> " + outChannels);
        }
        if (units < 1 || (kind != LayerKind.RESIDUAL_BLOCK && units != 1)) {
            throw new IllegalArgumentException("layer " + index + ": invalid unit count " + units);
        }
    }

    static LayerSpec stem(int index, int kernel, int stride, int pad, int in, int out) {
        return new LayerSpec(index, LayerKind.STEM_CONV, kernel, stride, pad, in, out, 1);
    }

    static LayerSpec unit(int index, int kernel, int stride, int in, int out) {
        return new LayerSpec(index, LayerKind.RESIDUAL_UNIT, kernel, stride, 0, in, out, 1);
    }

    static LayerSpec block(int index, int kernel, int stride, int in, int out, int depth) {
        return new LayerSpec(index, LayerKind.RESIDUAL_BLOCK, kernel, stride, 0, in, out, depth);
    }

    static LayerSpec batchNorm(int index, LayerKind kind, int channels) {
        return new LayerSpec(index, kind, 1, 1, 0, channels, channels, 1);
    }

    /**
     * Whether the layer exists in an encoder with the given {@code use_bn}; the optional BN is not
     * created without it (spec §9 #18).
     *
     * @param useBn the configuration's {@code use_bn}
     * @return true if the layer is built and applied
     */
    boolean isApplied(boolean useBn) {
        return kind != LayerKind.OPTIONAL_BN || useBn;
    }

    /**
     * Output side for a given input side: ⌊(H + 2p − k)/s⌋ + 1, no implicit padding (spec §2.3).
     *
     * @param inSide input side in pixels
     * @return output side in pixels
     */
    public int outSide(int inSide) {
        return Math.floorDiv(inSide + 2 * reflectPad - kernel, stride) + 1;
    }

    /**
     * Number of parameters that receive gradients (spec §2.5 counting: weights, stem biases, BN
     * γ/β of applied BN layers; no running statistics).
     *
     * @param useBn the configuration's {@code use_bn}
     * @return the count
     */
    long parameters(boolean useBn) {
        long in = inChannels;
        long out = outChannels;
        return switch (kind) {
            case STEM_CONV -> in * out * kernel * kernel + out;
            case RESIDUAL_UNIT -> unitParameters(in, out, kernel, useBn);
            case RESIDUAL_BLOCK -> unitParameters(in, out, kernel, useBn)
                    + (units - 1L) * unitParameters(out, out, 1, useBn);
            case OPTIONAL_BN -> useBn ? 2 * out : 0;
            case FINAL_BN -> 2 * out;
        };
    }

    /**
     * Short description in the notation of spec §2.2, e.g. {@code RB(4, 2; 128->256; d=3)}.
     *
     * @return the description
     */
    String describe() {
        String widths = inChannels + "->" + outChannels;
        return switch (kind) {
            case STEM_CONV -> (reflectPad > 0 ? "reflect-pad " + reflectPad + ", " : "")
                    + "SC(" + kernel + ", " + stride + "; " + widths + ")";
            case RESIDUAL_UNIT -> "RU(" + kernel + ", " + stride + "; " + widths + ")";
            case RESIDUAL_BLOCK -> "RB(" + kernel + ", " + stride + "; " + widths + "; d=" + units + ")";
            case OPTIONAL_BN -> "OBN(" + outChannels + ")";
            case FINAL_BN -> "BN(" + outChannels + ")";
        };
    }

    private static long unitParameters(long in, long out, int kernel, boolean useBn) {
        // K1 (w×w, no bias) + K2 (1×1, no bias) + BN1 γ/β when applied
        return in * out * kernel * kernel + out * out + (useBn ? 2 * out : 0);
    }
}
