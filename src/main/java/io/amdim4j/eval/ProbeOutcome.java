package io.amdim4j.eval;

import java.util.Map;

/**
 * One protocol's test accuracy for one seed.
 *
 * @param protocol protocol name, e.g. "linear", "mlp", "knn-k20"
 * @param accuracy top-1 accuracy on the test features, in [0, 1]
 * @param hyperparameters chosen or fixed hyper-parameters, e.g. {@code l2}, {@code
 *     val_accuracy}, {@code k}
 */
public record ProbeOutcome(String protocol, double accuracy, Map<String, Double> hyperparameters) {

    /** Copies the map and checks the accuracy. */
    public ProbeOutcome {
        hyperparameters = Map.copyOf(hyperparameters);
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException(protocol + ": accuracy must be in [0, 1], got " + accuracy);
        }
    }
}
