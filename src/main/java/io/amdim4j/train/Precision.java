package io.amdim4j.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Arithmetic precision of the encoder's forward and backward passes during pre-training.
 *
 * <p>{@link #BF16} would be mixed precision in the manner of AMP O2 (float32 master weights, Adam
 * state, batch-norm statistics and losses; bfloat16 convolutions). It is refused, not emulated:
 * DJL 0.36's PyTorch JNI has no bfloat16 type (a cast to it aborts the JVM with
 * {@code std::terminate}) and its casts run under {@code NoGradGuard}, so no gradient could flow
 * from bfloat16 copies back to the master weights. BENCHMARKS.md records the measurements and
 * the alternatives tried (float16, oneDNN's bf16 fpmath mode).
 */
public enum Precision {
    /** Everything in float32. */
    FP32,
    /** bfloat16 convolutions and matrix products, float32 master weights and losses. */
    BF16;

    /**
     * Checks that this precision can train here.
     *
     * @throws IllegalArgumentException for {@link #BF16}, with the reason
     */
    public void requireSupported() {
        if (this == BF16) {
            throw new IllegalArgumentException("--precision bf16 is not available: DJL 0.36's PyTorch engine "
                    + "has no bfloat16 data type (a cast to it aborts the process) and its casts do not "
                    + "propagate gradients; train with fp32 (BENCHMARKS.md has the measurements)");
        }
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
