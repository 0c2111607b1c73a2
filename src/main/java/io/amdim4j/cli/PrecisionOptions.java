package io.amdim4j.cli;

import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.runtime.EngineThreadPolicy;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.Precision;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.runtime.RuntimeRequest;
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
     * The runtime of a command: these options with its {@code --device} and {@code --engine-threads},
     * resolved by {@link RuntimeRequest#resolve()} as for every command and the API.
     *
     * @param device the command's {@code --device}
     * @param engineThreads the command's {@code --engine-threads} (fixed for commands that do not train)
     * @return the runtime, of this single process
     * @throws IllegalArgumentException for bf16 on a GPU or on a CPU without native bfloat16
     */
    Runtime resolve(ComputeDevice device, EngineThreadPolicy engineThreads) {
        return new RuntimeRequest(device, precision, memoryFormat, engineThreads).resolve();
    }

    /**
     * The precision of {@link #resolve} with fixed engine threads.
     *
     * @param device the command's {@code --device}
     * @return the configuration
     * @throws IllegalArgumentException for bf16 on a GPU or on a CPU without native bfloat16
     */
    PrecisionConfig toConfig(ComputeDevice device) {
        return resolve(device, EngineThreadPolicy.FIXED).precision();
    }
}
