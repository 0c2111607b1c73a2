package io.amdim4j.bench;

import io.amdim4j.model.EncoderConfig;
import io.amdim4j.model.EncoderLayout;
import io.amdim4j.model.LayerSpec;
import io.amdim4j.model.MlpProbe;

/**
 * Floating-point operations of one pre-training update, by arithmetic on the layer tables of spec
 * §2.3: every convolution and matrix product, a multiply-add counted as two operations, the
 * backward pass as twice the forward (gradients for inputs and weights). Element-wise work (ReLU,
 * batch norm, pooling, tanh, Adam) is left out: it is memory-bound and small in FLOPs.
 */
public final class StepFlops {

    /** Directed NCE terms per update with their L: 1→5 and 5→5 (25 each), 1→7 (49), both ways. */
    private static final int[] NCE_LOCATIONS = {25, 25, 49, 25, 25, 49};

    private StepFlops() {
    }

    /**
     * Forward multiply-adds of the encoder (trunk and both heads) for one image.
     *
     * @param config the encoder
     * @return multiply-adds
     */
    static long encoderForwardMacs(EncoderConfig config) {
        EncoderLayout layout = EncoderLayout.of(config);
        long macs = 0;
        int side = config.inputSize();
        int tap5Side = 0;
        int tap7Side = 0;
        for (LayerSpec layer : layout.layers()) {
            side = layer.outSide(side);
            macs += layerMacs(layer, side);
            if (layer.index() == layout.tap7Layer()) {
                tap7Side = side;
            } else if (layer.index() == layout.tap5Layer()) {
                tap5Side = side;
            }
        }
        long c = config.headChannels();
        long r = config.nRkhs();
        long headPerLocation = c * r + r * r + c * r; // K1, K2 and the shortcut W_s, all 1×1
        return macs + headPerLocation * ((long) tap5Side * tap5Side + (long) tap7Side * tap7Side);
    }

    /**
     * Operations of one update on N pairs: both views forward and backward, the six NCE score
     * products forward and backward, and the online probes (no gradient reaches their input).
     *
     * @param config the encoder
     * @param batch N, images per update
     * @param numClasses classes of the online probes
     * @return FLOPs
     */
    public static long perUpdate(EncoderConfig config, int batch, int numClasses) {
        long n = batch;
        long r = config.nRkhs();
        long encoder = 2 * n * encoderForwardMacs(config);
        long nce = 0;
        for (int l : NCE_LOCATIONS) {
            nce += n * r * n * l;
        }
        long hidden = MlpProbe.HIDDEN_UNITS;
        long probes = 2 * n * (r * hidden + hidden * numClasses + r * numClasses);
        return 2 * (3 * (encoder + nce) + 2 * probes);
    }

    private static long layerMacs(LayerSpec layer, int outSide) {
        long area = (long) outSide * outSide;
        long in = layer.inChannels();
        long out = layer.outChannels();
        long k2 = (long) layer.kernel() * layer.kernel();
        return switch (layer.kind()) {
            case STEM_CONV -> k2 * in * out * area;
            case RESIDUAL_UNIT -> (k2 * in * out + out * out) * area;
            case RESIDUAL_BLOCK -> (k2 * in * out + out * out + (layer.units() - 1L) * 2 * out * out) * area;
            case OPTIONAL_BN, FINAL_BN -> 0;
        };
    }
}
