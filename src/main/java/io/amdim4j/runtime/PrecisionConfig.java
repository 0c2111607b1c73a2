package io.amdim4j.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the encoder's passes compute: the precision asked for, the one resolved for this CPU, and
 * the input's memory layout. Recorded in {@code config.json} and in the benchmark JSON.
 *
 * <p>Only the encoder's forward (and so its backward) runs under bf16 autocast; its outputs are
 * brought back to float32 before the NCE scores, the losses and the probes.
 *
 * @param requested what was asked for ({@code auto} allowed)
 * @param precision what runs: {@code fp32} or {@code bf16}
 * @param memoryFormat layout of the input batch: {@code contiguous} or {@code channels_last}
 */
public record PrecisionConfig(Precision requested, Precision precision, MemoryFormat memoryFormat) {

    /**
     * Checks that the configuration is resolved and consistent with the request.
     *
     * @param requested fp32, bf16 or auto
     * @param precision fp32 or bf16, equal to {@code requested} unless that is auto
     * @param memoryFormat contiguous or channels_last
     * @throws IllegalArgumentException if {@code precision} or {@code memoryFormat} is auto, or the
     *     precision contradicts the request
     */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public PrecisionConfig {
        Objects.requireNonNull(requested, "requested precision");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(memoryFormat, "memory format");
        if (precision == Precision.AUTO || memoryFormat == MemoryFormat.AUTO) {
            throw new IllegalArgumentException("a resolved precision config cannot hold 'auto': " + precision
                    + ", " + memoryFormat);
        }
        if (requested != Precision.AUTO && requested != precision) {
            throw new IllegalArgumentException("precision " + precision + " resolved from a request for " + requested);
        }
    }

    /**
     * Everything float32, plain layout: the behaviour before the option existed.
     *
     * @return fp32 requested and resolved, contiguous input
     */
    public static PrecisionConfig fp32() {
        return new PrecisionConfig(Precision.FP32, Precision.FP32, MemoryFormat.CONTIGUOUS);
    }

    /**
     * bf16 autocast with a channels-last input; it needs a CPU with native bfloat16 to be fast.
     *
     * @return bf16 requested and resolved, channels-last input
     */
    public static PrecisionConfig bf16() {
        return new PrecisionConfig(Precision.BF16, Precision.BF16, MemoryFormat.CHANNELS_LAST);
    }

    /**
     * Reads a {@code config.json} written before the memory format existed, when the field was
     * the bare precision name.
     *
     * @param label {@code fp32} (the only precision that could train then)
     * @return {@link #fp32()}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PrecisionConfig fromLabel(String label) {
        return switch (OptionNames.parse(Precision.values(), label, "precision")) {
            case FP32 -> fp32();
            case BF16 -> bf16();
            case AUTO -> throw new IllegalArgumentException("a recorded precision cannot be 'auto'");
        };
    }

    /**
     * Resolves {@code auto} against the CPU's flags: bf16 where the CPU has native bfloat16
     * ({@link CpuFacts#nativeBf16()}), fp32 otherwise; channels-last with bf16, contiguous with fp32.
     * Commands and the API call it through {@link RuntimeRequest#resolve}, which also applies the device.
     *
     * @param requested {@code fp32}, {@code bf16} or {@code auto}
     * @param memoryFormat a layout, or {@code auto}
     * @param cpu the CPU's flags ({@link CpuFacts#detect()})
     * @return the resolved configuration
     * @throws IllegalArgumentException if bf16 is asked for on a CPU without native bfloat16
     */
    public static PrecisionConfig resolve(Precision requested, MemoryFormat memoryFormat, CpuFacts cpu) {
        boolean native16 = cpu.nativeBf16();
        if (requested == Precision.BF16 && !native16) {
            throw new IllegalArgumentException("--precision bf16 needs a CPU with native bfloat16 arithmetic, "
                    + "but this CPU lacks " + String.join(" and ", CpuFacts.BF16_FLAGS)
                    + " (/proc/cpuinfo flags); use --precision fp32 or auto");
        }
        Precision precision = requested == Precision.AUTO ? (native16 ? Precision.BF16 : Precision.FP32) : requested;
        MemoryFormat format = memoryFormat != MemoryFormat.AUTO ? memoryFormat
                : precision == Precision.BF16 ? MemoryFormat.CHANNELS_LAST : MemoryFormat.CONTIGUOUS;
        return new PrecisionConfig(requested, precision, format);
    }

    /**
     * One forward pass of a block, under bf16 autocast when this configuration says so; the
     * outputs are float32 either way.
     *
     * @param block the encoder (or any block of convolutions)
     * @param store parameter store of the pass
     * @param x the input, in this configuration's {@link #memoryFormat()}
     * @param training training mode (batch-norm statistics)
     * @return the block's outputs, in float32
     */
    public NDList forward(Block block, ParameterStore store, NDArray x, boolean training) {
        return forwardEach(block, store, List.of(x), training, false).get(0);
    }

    /**
     * Forward passes of one block over several inputs (the two views of an update), under one bf16
     * autocast scope when this configuration says so; the outputs are float32 either way.
     *
     * <p>With {@code castOnce}, autocast's cache of weight casts is on in that scope, so each weight is
     * cast to bf16 once for all the passes (and its gradient cast back once), as in PyTorch's
     * {@code torch.autocast}, rather than once per pass: call it so only inside the
     * {@code GradientCollector} of the passes (a cast cached without gradient tracking breaks the backward
     * pass). The weight gradients of the passes are then summed in bf16 before the cast back to float32.
     *
     * @param block the encoder (or any block of convolutions)
     * @param store parameter store of the passes
     * @param inputs the inputs, in this configuration's {@link #memoryFormat()}
     * @param training training mode (batch-norm statistics)
     * @param castOnce whether to cast each weight once for all the passes (see above)
     * @return each input's outputs, in order, in float32
     */
    public List<NDList> forwardEach(Block block, ParameterStore store, List<NDArray> inputs, boolean training,
            boolean castOnce) {
        List<NDList> outs = new ArrayList<>(inputs.size());
        if (precision == Precision.FP32) {
            inputs.forEach(x -> outs.add(block.forward(store, new NDList(x), training)));
            return outs;
        }
        if (castOnce) {
            try (Autocast scope = Autocast.bf16(true)) {
                inputs.forEach(x -> outs.add(block.forward(store, new NDList(x), training)));
            }
        } else {
            for (NDArray x : inputs) {
                try (Autocast scope = Autocast.bf16()) {
                    outs.add(block.forward(store, new NDList(x), training));
                }
            }
        }
        outs.replaceAll(Autocast::toFloat32);
        return outs;
    }
}
