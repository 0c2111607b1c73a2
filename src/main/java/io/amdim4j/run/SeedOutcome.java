package io.amdim4j.run;

import java.util.Map;

/**
 * One probe seed's test accuracy.
 *
 * @param seed the probe seed
 * @param accuracy top-1 test accuracy in [0, 1]
 * @param hyperparameters the values chosen (on validation) or fixed for this seed
 */
public record SeedOutcome(long seed, double accuracy, Map<String, Double> hyperparameters) {

    /** Copies the map. */
    public SeedOutcome {
        hyperparameters = Map.copyOf(hyperparameters);
    }
}
