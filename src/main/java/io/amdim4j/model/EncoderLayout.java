package io.amdim4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The layer table of spec §2.3 for one configuration: the trunk layers in reference order
 * ({@code layer_list.0 …}), and where tap7 and tap5 are taken.
 *
 * @param config the configuration the table was built for
 * @param layers trunk layers, index K at position K (including an OBN that {@code use_bn = false}
 *     does not apply)
 * @param tap7Layer K of the OBN layer whose output is tap7 (the output of layer K − 1 when the OBN
 *     is not applied)
 * @param tap5Layer K of the residual block whose output is tap5
 */
public record EncoderLayout(
        EncoderConfig config, List<LayerSpec> layers, int tap7Layer, int tap5Layer) {

    /** Makes the layer list unmodifiable and checks that indices match positions. */
    public EncoderLayout {
        layers = List.copyOf(layers);
        for (int k = 0; k < layers.size(); k++) {
            if (layers.get(k).index() != k) {
                throw new IllegalArgumentException("layer " + k + " has index " + layers.get(k));
            }
        }
    }

    /**
     * Builds the table of spec §2.3 for the configuration's input size.
     *
     * @param config the encoder configuration
     * @return the layout
     */
    public static EncoderLayout of(EncoderConfig config) {
        int cIn = config.numChannels();
        int f = config.ndf();
        int d = config.nDepth();
        List<LayerSpec> downsampling =
                switch (config.inputSize()) {
                    case EncoderConfig.CIFAR_SIZE -> List.of(
                            LayerSpec.stem(0, 3, 1, 0, cIn, f),
                            LayerSpec.unit(1, 1, 1, f, f),
                            LayerSpec.block(2, 4, 2, f, 2 * f, d),
                            LayerSpec.block(3, 2, 2, 2 * f, 4 * f, d));
                    case EncoderConfig.STL_SIZE -> List.of(
                            LayerSpec.stem(0, 3, 1, 0, cIn, f),
                            LayerSpec.block(1, 4, 2, f, 2 * f, d),
                            LayerSpec.block(2, 4, 2, 2 * f, 4 * f, d),
                            LayerSpec.block(3, 2, 2, 4 * f, 8 * f, d));
                    case EncoderConfig.IMAGENET_SIZE -> List.of(
                            LayerSpec.stem(0, 5, 2, 2, cIn, f),
                            LayerSpec.stem(1, 3, 1, 0, f, f),
                            LayerSpec.block(2, 4, 2, f, 2 * f, d),
                            LayerSpec.block(3, 4, 2, 2 * f, 4 * f, d),
                            LayerSpec.block(4, 2, 2, 4 * f, 8 * f, d));
                    default -> throw new IllegalArgumentException(
                            "no layer table for " + config.inputSize());
                };
        return withSharedTail(config, downsampling);
    }

    /**
     * Appends the five layers every table of spec §2.3 ends with, at the 7×7 resolution: OBN
     * (tap7), two 3×3 residual blocks (tap5 after the first), the 3×3 unit to R, FBN.
     */
    private static EncoderLayout withSharedTail(EncoderConfig config, List<LayerSpec> downsampling) {
        int k = downsampling.size();
        int c = downsampling.get(k - 1).outChannels();
        int r = config.nRkhs();
        int d = config.nDepth();
        List<LayerSpec> layers = new ArrayList<>(downsampling);
        layers.add(LayerSpec.batchNorm(k, LayerKind.OPTIONAL_BN, c));
        layers.add(LayerSpec.block(k + 1, 3, 1, c, c, d));
        layers.add(LayerSpec.block(k + 2, 3, 1, c, c, d));
        layers.add(LayerSpec.unit(k + 3, 3, 1, c, r));
        layers.add(LayerSpec.batchNorm(k + 4, LayerKind.FINAL_BN, r));
        return new EncoderLayout(config, layers, k, k + 1);
    }

    /**
     * Width C of tap5 and tap7, the heads' input (spec §2.3).
     *
     * @return C
     */
    int headChannels() {
        return layers.get(tap7Layer).outChannels();
    }
}
