package io.amdim4j.run;

import java.util.Objects;

/**
 * One method's evaluation with what it cost: the report of the probes and the width and
 * extraction time of its features.
 *
 * @param report the probes' results; its {@code seconds} cover the probes only
 * @param dimension width D of the feature vectors
 * @param extractionSeconds wall time of BN re-estimation and feature extraction, both splits
 */
public record MethodEvaluation(EvalReport report, int dimension, double extractionSeconds) {

    /** Checks the fields. */
    public MethodEvaluation {
        Objects.requireNonNull(report, "report");
        if (dimension < 1) {
            throw new IllegalArgumentException(report.method() + ": feature dimension must be ≥ 1, got " + dimension);
        }
    }

    /**
     * Wall time of the whole method: extraction and probes.
     *
     * @return seconds
     */
    public double totalSeconds() {
        return extractionSeconds + report.seconds();
    }
}
