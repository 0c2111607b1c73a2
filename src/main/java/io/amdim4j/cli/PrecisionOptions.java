package io.amdim4j.cli;

import io.amdim4j.model.ComputeDevice;
import io.amdim4j.model.CpuFlags;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.model.MemoryFormat;
import io.amdim4j.model.Precision;
import io.amdim4j.model.PrecisionConfig;
import io.amdim4j.runtime.Preflight;
import io.amdim4j.runtime.PreflightCombination;
import java.io.PrintWriter;
import java.util.Set;
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
     * The options resolved for the device the encoder runs on: against this machine's CPU on the
     * CPU; on a GPU, where bf16 autocast (PyTorch's CPU autocast) would not act, {@code auto} is fp32.
     *
     * @param device the command's {@code --device}
     * @return the configuration
     * @throws IllegalArgumentException for bf16 on a GPU or on a CPU without native bfloat16
     */
    PrecisionConfig toConfig(ComputeDevice device) {
        if (device.isGpu() && precision == Precision.BF16) {
            throw new IllegalArgumentException("--precision bf16 is PyTorch's CPU autocast and would not act on "
                    + "--device " + device + "; use --precision fp32 or auto there");
        }
        return PrecisionConfig.resolve(precision, memoryFormat, device.isGpu() ? Set.of() : CpuFlags.read());
    }

    /**
     * The options resolved as {@link #toConfig} does, then proven on this machine for this encoder and
     * batch ({@link Preflight}): under {@code auto} for both options a combination that crashes falls
     * back with one line on {@code log}; an explicit one that crashes is refused.
     *
     * @param device the command's {@code --device}
     * @param encoder the encoder the command runs
     * @param batch images per forward pass
     * @param log where the fallback's line goes
     * @return the precision to run and the verdict to record
     * @throws IllegalStateException with one line naming what crashed, when nothing allowed runs
     */
    Preflight.Result prove(ComputeDevice device, EncoderConfig encoder, int batch, PrintWriter log) {
        return Preflight.prove(new PreflightCombination(device, toConfig(device), encoder, batch),
                precision == Precision.AUTO && memoryFormat == MemoryFormat.AUTO, log);
    }
}
