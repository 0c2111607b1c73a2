package io.amdim4j.train;

/**
 * Test top-1 accuracy of the online probes (spec §6.2), NaN when not measured.
 *
 * @param mlp MLP probe
 * @param linear linear probe
 */
public record ProbeAccuracy(double mlp, double linear) {

    /** Both accuracies NaN: the epoch had no test, so listeners can tell a skipped test from a 0 % one. */
    public static final ProbeAccuracy NOT_MEASURED = new ProbeAccuracy(Double.NaN, Double.NaN);
}
