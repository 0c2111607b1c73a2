package io.amdim4j.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The validation logic shared by the trained probes (spec §6.3; test images score the final
 * probe only): fit every grid value on a seeded stratified split of the training features, keep
 * the value with the best validation accuracy (ties go to the larger, more regularised value),
 * refit on all training features with it, then score the test features once.
 */
final class GridSelection {

    /** Key of the validation accuracy of the chosen value in an outcome's hyper-parameters. */
    static final String VALIDATION_ACCURACY = "val_accuracy";

    /** Fits one candidate value and predicts other rows. */
    @FunctionalInterface
    interface Candidate {
        int[] fitAndPredict(Features fit, Features predict, double value, long fitSeed);
    }

    /**
     * The chosen value.
     *
     * @param value the grid value
     * @param validationAccuracy its validation accuracy; NaN when the grid had one value
     */
    record Choice(double value, double validationAccuracy) {}

    private GridSelection() {}

    /**
     * Chooses a value on training features only.
     *
     * @param grid candidate values
     * @param train labelled training features
     * @param valFraction share held out for validation
     * @param splitSeed seed of the split
     * @param fitSeed seed of each fit
     * @param candidate fits and predicts
     * @return the choice
     */
    static Choice choose(List<Double> grid, Features train, double valFraction, long splitSeed,
            long fitSeed, Candidate candidate) {
        if (grid.size() == 1) {
            return new Choice(grid.get(0), Double.NaN);
        }
        ValidationSplit split = ValidationSplit.carve(train.labels(), valFraction, splitSeed);
        if (split.validation().length == 0) {
            throw new IllegalArgumentException("validation fraction " + valFraction + " of "
                    + train.count() + " training rows leaves no validation row to choose among "
                    + grid);
        }
        Features fit = train.subset(split.fit());
        Features validation = train.subset(split.validation());
        Map<Double, Double> accuracies = new LinkedHashMap<>();
        double best = Double.NaN;
        double bestAccuracy = -1;
        for (double value : grid) {
            double accuracy = Accuracy.of(
                    candidate.fitAndPredict(fit, validation, value, fitSeed), validation.labels());
            accuracies.put(value, accuracy);
            if (accuracy > bestAccuracy || (accuracy == bestAccuracy && value > best)) {
                best = value;
                bestAccuracy = accuracy;
            }
        }
        return new Choice(best, bestAccuracy);
    }

    /**
     * Chooses on training features, refits on all of them and scores the test features.
     *
     * @param protocol outcome name
     * @param hyperparameter name of the chosen value in the outcome
     * @param grid candidate values
     * @param valFraction share held out for validation
     * @param train labelled training features
     * @param test labelled test features
     * @param seed probe seed, split into a split seed and a fit seed
     * @param candidate fits and predicts
     * @return the outcome
     */
    static ProbeOutcome selectAndScore(String protocol, String hyperparameter, List<Double> grid,
            double valFraction, Features train, Features test, long seed, Candidate candidate) {
        SplittableRandom streams = new SplittableRandom(seed);
        long splitSeed = streams.nextLong();
        long fitSeed = streams.nextLong();
        Choice choice = choose(grid, train, valFraction, splitSeed, fitSeed, candidate);
        int[] predicted = candidate.fitAndPredict(train, test, choice.value(), fitSeed);
        Map<String, Double> chosen = new LinkedHashMap<>();
        chosen.put(hyperparameter, choice.value());
        if (!Double.isNaN(choice.validationAccuracy())) {
            chosen.put(VALIDATION_ACCURACY, choice.validationAccuracy());
        }
        return new ProbeOutcome(protocol, Accuracy.of(predicted, test.labels()), chosen);
    }
}
