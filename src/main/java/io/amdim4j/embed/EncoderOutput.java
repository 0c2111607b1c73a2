package io.amdim4j.embed;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which encoder output an exported model or an embedding file holds (spec §2.3 "Outputs"). r1 is
 * the global feature vector and the default; r5 and r7 are the per-location maps, flattened in C
 * order (channel, then row, then column).
 */
public enum EncoderOutput {
    /** r1 ∈ ℝ^R: the final BN output, no head (spec §2.2 φ1 = identity). */
    R1(Encoder.R1, 1),
    /** r5 = φ5(tap5) ∈ ℝ^{R×5×5}. */
    R5(Encoder.R5, Encoder.R5_SIDE),
    /** r7 = φ7(tap7) ∈ ℝ^{R×7×7}. */
    R7(Encoder.R7, Encoder.R7_SIDE);

    private final int index;
    private final int side;

    EncoderOutput(int index, int side) {
        this.index = index;
        this.side = side;
    }

    /**
     * Position of this output in the list {@code Encoder.forward} returns.
     *
     * @return the index
     */
    public int index() {
        return index;
    }

    /**
     * Length of one image's vector: R·side².
     *
     * @param config the encoder
     * @return the embedding dimension D
     */
    public int dimension(EncoderConfig config) {
        return config.nRkhs() * side * side;
    }

    /**
     * The name used in JSON and on the command line: {@code r1}, {@code r5} or {@code r7}.
     *
     * @return the key
     */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@link #key()}, case-insensitively.
     *
     * @param key r1, r5 or r7
     * @return the output
     */
    @JsonCreator
    public static EncoderOutput parse(String key) {
        for (EncoderOutput output : values()) {
            if (output.key().equalsIgnoreCase(key)) {
                return output;
            }
        }
        throw new IllegalArgumentException(
                "encoder output must be one of " + Arrays.toString(keys()) + ", got " + key);
    }

    private static String[] keys() {
        return Arrays.stream(values()).map(EncoderOutput::key).toArray(String[]::new);
    }
}
