package io.amdim4j.model;

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
        int r = config.nRkhs();
        int d = config.nDepth();
        switch (config.inputSize()) {
            case EncoderConfig.CIFAR_SIZE:
                return new EncoderLayout(
                        config,
                        List.of(
                                LayerSpec.stem(0, 3, 1, 0, cIn, f),
                                LayerSpec.unit(1, 1, 1, f, f),
                                LayerSpec.block(2, 4, 2, f, 2 * f, d),
                                LayerSpec.block(3, 2, 2, 2 * f, 4 * f, d),
                                LayerSpec.batchNorm(4, LayerSpec.Kind.OPTIONAL_BN, 4 * f),
                                LayerSpec.block(5, 3, 1, 4 * f, 4 * f, d),
                                LayerSpec.block(6, 3, 1, 4 * f, 4 * f, d),
                                LayerSpec.unit(7, 3, 1, 4 * f, r),
                                LayerSpec.batchNorm(8, LayerSpec.Kind.FINAL_BN, r)),
                        4,
                        5);
            case EncoderConfig.STL_SIZE:
                return new EncoderLayout(
                        config,
                        List.of(
                                LayerSpec.stem(0, 3, 1, 0, cIn, f),
                                LayerSpec.block(1, 4, 2, f, 2 * f, d),
                                LayerSpec.block(2, 4, 2, 2 * f, 4 * f, d),
                                LayerSpec.block(3, 2, 2, 4 * f, 8 * f, d),
                                LayerSpec.batchNorm(4, LayerSpec.Kind.OPTIONAL_BN, 8 * f),
                                LayerSpec.block(5, 3, 1, 8 * f, 8 * f, d),
                                LayerSpec.block(6, 3, 1, 8 * f, 8 * f, d),
                                LayerSpec.unit(7, 3, 1, 8 * f, r),
                                LayerSpec.batchNorm(8, LayerSpec.Kind.FINAL_BN, r)),
                        4,
                        5);
            case EncoderConfig.IMAGENET_SIZE:
                return new EncoderLayout(
                        config,
                        List.of(
                                LayerSpec.stem(0, 5, 2, 2, cIn, f),
                                LayerSpec.stem(1, 3, 1, 0, f, f),
                                LayerSpec.block(2, 4, 2, f, 2 * f, d),
                                LayerSpec.block(3, 4, 2, 2 * f, 4 * f, d),
                                LayerSpec.block(4, 2, 2, 4 * f, 8 * f, d),
                                LayerSpec.batchNorm(5, LayerSpec.Kind.OPTIONAL_BN, 8 * f),
                                LayerSpec.block(6, 3, 1, 8 * f, 8 * f, d),
                                LayerSpec.block(7, 3, 1, 8 * f, 8 * f, d),
                                LayerSpec.unit(8, 3, 1, 8 * f, r),
                                LayerSpec.batchNorm(9, LayerSpec.Kind.FINAL_BN, r)),
                        5,
                        6);
            default:
                throw new IllegalArgumentException("no layer table for " + config.inputSize());
        }
    }

    /**
     * Width C of tap5 and tap7, the heads' input (spec §2.3).
     *
     * @return C
     */
    public int headChannels() {
        return layers.get(tap7Layer).outChannels();
    }
}
