package io.amdim4j.eval;

/** Top-1 accuracy. */
final class Accuracy {

    private Accuracy() {}

    /**
     * Share of rows whose prediction equals the label.
     *
     * @param predictions predicted classes
     * @param labels true classes
     * @return accuracy in [0, 1]
     */
    static double of(int[] predictions, int[] labels) {
        if (predictions.length != labels.length) {
            throw new IllegalArgumentException(
                    predictions.length + " predictions for " + labels.length + " labels");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("accuracy of an empty set");
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
