package io.amdim4j.cli;

import io.amdim4j.model.EncoderConfig;
import io.amdim4j.preflight.Preflight;
import io.amdim4j.preflight.PreflightCombination;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.runtime.EngineThreadPolicy;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.Precision;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.runtime.RuntimeRequest;
import java.io.PrintWriter;
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

    /**
     * A resolved runtime proven on this machine for this encoder and batch ({@link Preflight}): under
     * {@code auto} for both options a combination that crashes falls back with one line on {@code log};
     * an explicit one that crashes is refused.
     *
     * @param runtime the command's runtime, from {@link #resolve}
     * @param encoder the encoder the command runs
     * @param batch images per forward pass
     * @param log where the fallback's line goes
     * @return the precision to run and the verdict to record
     * @throws IllegalStateException with one line naming what crashed, when nothing allowed runs
     */
    Preflight.Result prove(Runtime runtime, EncoderConfig encoder, int batch, PrintWriter log) {
        return Preflight.prove(new PreflightCombination(runtime.device(), runtime.precision(), encoder, batch),
                precision == Precision.AUTO && memoryFormat == MemoryFormat.AUTO, log);
    }
}
