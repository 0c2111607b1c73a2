package io.amdim4j.preflight;

import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.PrecisionConfig;
import java.util.Objects;

/**
 * One configuration the preflight proves: the encoder of exactly this shape, at this batch size,
 * computing in this precision and memory format on this device.
 *
 * @param device where the arrays live
 * @param precision the resolved precision and memory format
 * @param encoder input size, channels, ndf, n_rkhs, n_depth and use_bn
 * @param batch images per forward pass
 */
public record PreflightCombination(ComputeDevice device, PrecisionConfig precision, EncoderConfig encoder, int batch) {

    /**
     * Checks that nothing is missing and that the batch holds an image.
     *
     * @param device where the arrays live
     * @param precision the resolved precision and memory format
     * @param encoder input size, channels, ndf, n_rkhs, n_depth and use_bn
     * @param batch images per forward pass
     */
    public PreflightCombination {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(encoder, "encoder");
        if (batch < 1) {
            throw new IllegalArgumentException("the preflight's batch must be >= 1, got " + batch);
        }
    }

    /**
     * The precision and memory format, as the options spell them.
     *
     * @return e.g. {@code bf16 channels_last}
     */
    public String label() {
        return label(precision);
    }

    /**
     * A precision and memory format as the options spell them.
     *
     * @param precision a resolved configuration
     * @return e.g. {@code bf16 channels_last}
     */
    public static String label(PrecisionConfig precision) {
        return precision.precision() + " " + precision.memoryFormat();
    }

    /**
     * Every field that decides which native kernels run, one {@code name=value} a field.
     *
     * @return the canonical text of this combination (part of the cache key)
     */
    String canonical() {
        return "device=" + device + "\nprecision=" + precision.precision() + "\nmemory_format="
                + precision.memoryFormat() + "\ninput_size=" + encoder.inputSize() + "\nchannels="
                + encoder.numChannels() + "\nndf=" + encoder.ndf() + "\nn_rkhs=" + encoder.nRkhs() + "\nn_depth="
                + encoder.nDepth() + "\nuse_bn=" + encoder.useBn() + "\nbatch=" + batch + "\n";
    }
}
