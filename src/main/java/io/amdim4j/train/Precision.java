package io.amdim4j.train;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Arithmetic precision of the encoder's forward and backward passes during pre-training.
 *
 * <p>{@link #BF16} is mixed precision in the manner of AMP O2: float32 master weights, Adam state
 * and batch-norm statistics; convolution and linear weights cast to bfloat16 for each update;
 * NCE scores, their reductions and the probes in float32 (spec §3.4). Evaluation always runs in
 * float32 on the master weights.
 */
public enum Precision {
    /** Everything in float32. */
    FP32(DataType.FLOAT32),
    /** bfloat16 convolutions and matrix products, float32 master weights and losses. */
    BF16(DataType.BFLOAT16);

    private final DataType computeType;

    Precision(DataType computeType) {
        this.computeType = computeType;
    }

    /** The type the encoder computes in. */
    public DataType computeType() {
        return computeType;
    }

    /** The command-line and JSON name: {@code fp32} or {@code bf16}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /**
     * Parses {@code fp32} or {@code bf16} (any case).
     *
     * @param text the name
     * @return the precision
     */
    @JsonCreator
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.label().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision must be fp32 or bf16, got '" + text + "'");
    }
}
