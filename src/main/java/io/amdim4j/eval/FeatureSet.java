package io.amdim4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.amdim4j.model.Encoder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which encoder outputs form the feature vector (spec §2.3 outputs, §6): r1 alone (the paper's
 * representation and our default) or a concatenation in a fixed written order, such as {@code
 * r1+r5avg+r7avg}, where r5 and r7 are averaged over their 5×5 and 7×7 locations.
 *
 * @param parts the outputs, in concatenation order, no repeats
 */
public record FeatureSet(List<Part> parts) {

    /** Separator of the written form. */
    static final String SEPARATOR = "+";

    /** r1 only: the representation the paper evaluates (spec §1). */
    public static final FeatureSet GLOBAL = new FeatureSet(List.of(Part.R1));

    /** r1 with the location-averaged r5 and r7. */
    static final FeatureSet MULTISCALE =
            new FeatureSet(List.of(Part.R1, Part.R5AVG, Part.R7AVG));

    /** One encoder output, each R wide once reduced to a vector. */
    public enum Part {
        /** r1, N×R. */
        R1("r1"),
        /** r5 averaged over its 25 locations, N×R. */
        R5AVG("r5avg"),
        /** r7 averaged over its 49 locations, N×R. */
        R7AVG("r7avg");

        private final String token;

        Part(String token) {
            this.token = token;
        }

        /**
         * The written name.
         *
         * @return e.g. "r5avg"
         */
        public String token() {
            return token;
        }

        NDArray reduce(NDList encoderOutputs) {
            return switch (this) {
                case R1 -> encoderOutputs.get(Encoder.R1);
                case R5AVG -> locationMean(encoderOutputs.get(Encoder.R5));
                case R7AVG -> locationMean(encoderOutputs.get(Encoder.R7));
            };
        }

        private static NDArray locationMean(NDArray map) {
            // mean over two axes at once is unsupported on the engine: flatten the locations first
            long n = map.getShape().get(0);
            long r = map.getShape().get(1);
            return map.reshape(n, r, -1).mean(new int[] {2});
        }
    }

    /** Rejects an empty list and repeated parts. */
    public FeatureSet {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a feature set needs at least one of r1, r5avg, r7avg");
        }
        Set<Part> seen = EnumSet.noneOf(Part.class);
        for (Part p : parts) {
            if (!seen.add(p)) {
                throw new IllegalArgumentException("feature set repeats " + p.token());
            }
        }
    }

    /**
     * Parses the written form, e.g. {@code "r1"} or {@code "r1+r5avg+r7avg"} (case-insensitive).
     *
     * @param text the feature set option
     * @return the feature set
     */
    @JsonCreator
    public static FeatureSet parse(String text) {
        Objects.requireNonNull(text, "feature set");
        List<Part> parts = new ArrayList<>();
        for (String token : text.trim().toLowerCase(Locale.ROOT).split("\\+", -1)) {
            Part match = null;
            for (Part p : Part.values()) {
                if (p.token().equals(token.trim())) {
                    match = p;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("feature set '" + text + "': unknown part '" + token
                        + "'; use r1, r5avg, r7avg joined by '+'");
            }
            parts.add(match);
        }
        return new FeatureSet(parts);
    }

    /**
     * The written form.
     *
     * @return e.g. "r1+r5avg+r7avg"
     */
    @JsonValue
    String name() {
        return parts.stream().map(Part::token).collect(Collectors.joining(SEPARATOR));
    }

    /**
     * Width of the feature vector.
     *
     * @param nRkhs R of the encoder
     * @return parts × R
     */
    int dimension(int nRkhs) {
        return parts.size() * nRkhs;
    }

    /**
     * The feature vectors of one encoder forward pass.
     *
     * @param encoderOutputs [r1 N×R, r5 N×R×5×5, r7 N×R×7×7]
     * @return N×(parts·R), parts in order
     */
    NDArray select(NDList encoderOutputs) {
        if (parts.size() == 1) {
            return parts.get(0).reduce(encoderOutputs);
        }
        NDList reduced = new NDList();
        for (Part p : parts) {
            reduced.add(p.reduce(encoderOutputs));
        }
        return NDArrays.concat(reduced, 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
