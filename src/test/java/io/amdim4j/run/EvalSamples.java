package io.amdim4j.run;

import java.util.List;
import java.util.Map;

/** The evaluation results the tests of eval.json use (and that {@code eval-d396241.json} holds). */
public final class EvalSamples {

    private EvalSamples() {}

    /** amdim with a two-seed linear result at 10 % of the labels, pixels with a one-seed k-NN result. */
    public static List<MethodEvaluation> methods() {
        EvalResult linear = EvalResult.of("linear", "r1+r5avg+r7avg", 0.1, List.of(
                new SeedOutcome(17, 0.75, Map.of("l2", 1e-4, "val_accuracy", 0.7)),
                new SeedOutcome(18, 0.5, Map.of("l2", 1e-3, "val_accuracy", 0.6))));
        EvalResult knn = EvalResult.of("knn-k20", "pixels", 1.0, List.of(
                new SeedOutcome(17, 0.25, Map.of("k", 20.0, "temperature", 0.07))));
        return List.of(
                new MethodEvaluation(new EvalReport("amdim", "r1+r5avg+r7avg", 100, 40, 10, List.of(linear), 1.5), 96, 2.5),
                new MethodEvaluation(new EvalReport("pixels", "pixels", 100, 40, 10, List.of(knn), 0.25), 3072, 0.5));
    }

    /** A fixed provenance. */
    public static Provenance provenance() {
        return new Provenance("abc", "dev", "17", "0.36.0", "PyTorch 2.7.1", "Linux", "amd64", 1, "2025-01-01T00:00:00Z");
    }
}
