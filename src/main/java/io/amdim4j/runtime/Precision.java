package io.amdim4j.runtime;

import com.fasterxml.jackson.annotation.JsonValue;

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
    @Override
    public String toString() {
        return OptionNames.of(this);
    }
}
