package io.amdim4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Arithmetic of the encoder's passes, as asked for on the command line.
 *
 * <p>{@link #BF16} is mixed precision through PyTorch's CPU autocast ({@link Autocast}):
 * convolutions run in bfloat16 while master weights, Adam state, batch-norm statistics, the NCE
 * scores and every loss stay float32. {@link #AUTO} is resolved once, from the CPU's flags, by
 * {@link PrecisionConfig#resolve}; a resolved configuration never holds it.
 */
public enum Precision {
    /** Everything in float32. */
    FP32,
    /** bfloat16 convolutions, float32 master weights and losses. */
    BF16,
    /** bf16 where the CPU has native bfloat16 arithmetic, fp32 otherwise. */
    AUTO;

    /** The command-line and JSON name: {@code fp32}, {@code bf16} or {@code auto}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /**
     * Parses {@code fp32}, {@code bf16} or {@code auto} (any case).
     *
     * @param text the name
     * @return the precision
     * @throws IllegalArgumentException naming the choices
     */
    @JsonCreator
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.label().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision must be one of "
                + Arrays.stream(values()).map(Precision::label).collect(Collectors.joining(", "))
                + "; got '" + text + "'");
    }
}
