package io.amdim4j.run;

import java.util.List;

/**
 * One protocol on one feature set at one label fraction, over all probe seeds: mean ± sample
 * standard deviation (n − 1; 0 for one seed) of the test accuracy, and each seed's value and
 * chosen hyper-parameters.
 *
 * @param protocol e.g. "linear", "mlp", "knn-k200"
 * @param featureSet e.g. "r1", "r1+r5avg+r7avg", "pixels"
 * @param labelFraction share of labelled training images used
 * @param mean mean test accuracy over seeds
 * @param std sample standard deviation over seeds
 * @param seeds one entry per probe seed
 */
public record EvalResult(String protocol, String featureSet, double labelFraction, double mean, double std,
        List<SeedOutcome> seeds) {

    /** Copies the list. */
    public EvalResult {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException(protocol + ": a result needs at least one seed");
        }
    }

    /**
     * A result with mean and standard deviation computed from the seeds.
     *
     * @param protocol protocol name
     * @param featureSet feature set name
     * @param labelFraction label fraction
     * @param seeds per-seed outcomes
     * @return the result
     */
    public static EvalResult of(String protocol, String featureSet, double labelFraction, List<SeedOutcome> seeds) {
        double mean = seeds.stream().mapToDouble(SeedOutcome::accuracy).average().orElse(Double.NaN);
        double squares = seeds.stream().mapToDouble(s -> (s.accuracy() - mean) * (s.accuracy() - mean)).sum();
        double std = seeds.size() > 1 ? Math.sqrt(squares / (seeds.size() - 1)) : 0;
        return new EvalResult(protocol, featureSet, labelFraction, mean, std, seeds);
    }

    /**
     * The per-seed accuracies, in seed order.
     *
     * @return accuracies
     */
    public double[] accuracies() {
        return seeds.stream().mapToDouble(SeedOutcome::accuracy).toArray();
    }
}
