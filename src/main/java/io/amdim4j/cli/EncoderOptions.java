package io.amdim4j.cli;

import io.amdim4j.model.EncoderConfig;
import picocli.CommandLine.Option;

/** Encoder hyper-parameters shared by every command that builds an encoder (spec §2.1). */
final class EncoderOptions {

    @Option(names = "--input-size", description = "Encoder input side: 32, 64 or 128 (default: 32, or the dataset's family).")
    Integer inputSize;

    @Option(names = "--ndf", description = "Base width F (default: ${DEFAULT-VALUE}).")
    int ndf = EncoderConfig.DEFAULT_NDF;

    @Option(names = "--n-rkhs", description = "Embedding width R (default: ${DEFAULT-VALUE}).")
    int nRkhs = EncoderConfig.DEFAULT_N_RKHS;

    @Option(names = "--n-depth", description = "Units per residual block d (default: ${DEFAULT-VALUE}).")
    int nDepth = EncoderConfig.DEFAULT_N_DEPTH;

    @Option(names = "--use-bn", description = "Batch norm inside the trunk and heads (default: off, as the reference).")
    boolean useBn;

    @Option(names = "--channels", description = "Input channels, 1 or 3 (default: 3, or the dataset's).")
    Integer channels;

    /** The validated configuration; errors name the offending option. */
    EncoderConfig toConfig() {
        return toConfig(inputSize == null ? EncoderConfig.CIFAR_SIZE : inputSize,
                channels == null ? EncoderConfig.RGB_CHANNELS : channels);
    }

    /** The configuration at the size and channel count that the data decided. */
    EncoderConfig toConfig(int size, int numChannels) {
        return new EncoderConfig(size, numChannels, ndf, nRkhs, nDepth, useBn);
    }

    java.util.OptionalInt inputSizeOption() {
        return inputSize == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(inputSize);
    }

    java.util.OptionalInt channelsOption() {
        return channels == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(channels);
    }
}
