package io.amdim4j.cli;

import io.amdim4j.model.CpuFlags;
import io.amdim4j.model.MemoryFormat;
import io.amdim4j.model.Precision;
import io.amdim4j.model.PrecisionConfig;
import picocli.CommandLine.Option;

/** {@code --precision} and {@code --memory-format}, shared by the commands that run the encoder. */
final class PrecisionOptions {

    @Option(names = "--precision", converter = PrecisionConverter.class, description = "fp32, bf16 (bfloat16 "
            + "convolutions through autocast, float32 weights, optimizer state and losses) or auto: bf16 where the "
            + "CPU has native bfloat16 (avx512_bf16 or amx_bf16), else fp32 (default: ${DEFAULT-VALUE}).")
    Precision precision = Precision.AUTO;

    @Option(names = "--memory-format", converter = PrecisionConverter.MemoryFormatConverter.class, description = "Input layout: "
            + "contiguous, channels_last or auto, which is channels_last with bf16 and contiguous with fp32 "
            + "(default: ${DEFAULT-VALUE}).")
    MemoryFormat memoryFormat = MemoryFormat.AUTO;

    /**
     * The options resolved against this machine's CPU.
     *
     * @return the configuration
     * @throws IllegalArgumentException for bf16 on a CPU without native bfloat16
     */
    PrecisionConfig toConfig() {
        return PrecisionConfig.resolve(precision, memoryFormat, CpuFlags.read());
    }
}
