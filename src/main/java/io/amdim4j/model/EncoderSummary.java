package io.amdim4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Layer-by-layer summary and parameter counts of an encoder, by arithmetic alone (no engine).
 *
 * <p>Counting follows spec §2.5: every convolution weight, the stem biases, the head shortcut
 * biases and γ/β of every applied BN, i.e. exactly the parameters that receive gradients. BN
 * running statistics, classifier heads and a mixture network are not counted.
 *
 * @param config the configuration
 * @param rows the applied trunk layers in order, then φ5 and φ7
 */
public record EncoderSummary(EncoderConfig config, List<LayerSummary> rows) {

    /** Name of the φ5 head (reference state-dict word). */
    static final String HEAD5_NAME = "rkhs_block_5";

    /** Name of the φ7 head (reference state-dict word). */
    static final String HEAD7_NAME = "rkhs_block_7";

    /** Makes the rows unmodifiable. */
    public EncoderSummary {
        rows = List.copyOf(rows);
    }

    /**
     * Computes the summary of spec §2.3/§2.5 for a configuration.
     *
     * @param config the encoder configuration
     * @return the summary
     */
    public static EncoderSummary of(EncoderConfig config) {
        EncoderLayout layout = EncoderLayout.of(config);
        boolean useBn = config.useBn();
        List<LayerSummary> rows = new ArrayList<>();
        int side = config.inputSize();
        int rf = 1;
        int jump = 1;
        LayerSummary tap5 = null;
        LayerSummary tap7 = null;
        List<LayerSpec> layers = layout.layers();
        for (LayerSpec spec : layers) {
            if (!spec.isApplied(useBn)) {
                continue;
            }
            side = spec.outSide(side);
            rf += (spec.kernel() - 1) * jump;
            jump *= spec.stride();
            String tag = tag(layout, spec, useBn);
            LayerSummary row =
                    new LayerSummary(
                            "layer_list." + spec.index() + " " + spec.describe() + tag,
                            new long[] {spec.outChannels(), side, side},
                            rf,
                            jump,
                            spec.parameters(useBn));
            rows.add(row);
            if (tag.contains("tap7")) {
                tap7 = row;
            } else if (tag.contains("tap5")) {
                tap5 = row;
            }
        }
        rows.add(headRow(HEAD5_NAME + " phi5", "r5", tap5, config));
        rows.add(headRow(HEAD7_NAME + " phi7", "r7", tap7, config));
        return new EncoderSummary(config, rows);
    }

    /**
     * Parameters of one embedding head φ(C→R): K1 C·R, K2 R², W_s C·R, b_s R, BN_out 2R, plus BN_hid
     * 2R with {@code use_bn} (spec §2.5: 8FR + R² + 3R per head at 32 px).
     *
     * @param config the configuration
     * @return the count for one head
     */
    static long headParameters(EncoderConfig config) {
        long c = config.headChannels();
        long r = config.nRkhs();
        return 2 * c * r + r * r + 3 * r + (config.useBn() ? 2 * r : 0);
    }

    /**
     * Trunk parameters (every applied layer up to and including the final BN).
     *
     * @return the count
     */
    public long trunkParameters() {
        return encoderParameters() - headsParameters();
    }

    /**
     * Parameters of φ5 and φ7 together.
     *
     * @return the count
     */
    public long headsParameters() {
        return 2 * headParameters(config);
    }

    /**
     * Encoder total of spec §2.5: trunk + φ5 + φ7, gradient-receiving parameters only.
     *
     * @return the count
     */
    public long encoderParameters() {
        return rows.stream().mapToLong(LayerSummary::parameters).sum();
    }

    private static String tag(EncoderLayout layout, LayerSpec spec, boolean useBn) {
        int k = spec.index();
        if (spec.kind() == LayerKind.FINAL_BN) {
            return " -> r1";
        }
        // without OBN, tap7 is the output of the layer just before it
        int tap7Source = useBn ? layout.tap7Layer() : layout.tap7Layer() - 1;
        if (k == tap7Source) {
            return " -> tap7";
        }
        return k == layout.tap5Layer() ? " -> tap5" : "";
    }

    private static LayerSummary headRow(
            String name, String output, LayerSummary tap, EncoderConfig config) {
        long[] tapShape = tap.outShape();
        return new LayerSummary(
                name + "(" + tapShape[0] + "->" + config.nRkhs() + ") -> " + output,
                new long[] {config.nRkhs(), tapShape[1], tapShape[2]},
                tap.receptiveField(),
                tap.stride(),
                headParameters(config));
    }
}
