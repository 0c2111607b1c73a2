package io.amdim4j.eval;

import java.util.SplittableRandom;

/** Synthetic feature sets whose right answer is known. */
final class SyntheticFeatures {

    private SyntheticFeatures() {}

    /**
     * Gaussian blobs: class c is centred at {@code separation}·e_c (unit noise per coordinate), so
     * with a large separation the classes are linearly separable and form tight clusters.
     */
    static Features blobs(int perClass, int classes, int dimension, double separation, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = perClass * classes;
        float[] values = new float[n * dimension];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int d = 0; d < dimension; d++) {
                double centre = d == c ? separation : 0;
                values[i * dimension + d] = (float) (centre + gaussian(random));
            }
        }
        return new Features(values, n, dimension, labels);
    }

    /** Standard normal features with uniformly random labels: nothing to learn. */
    static Features noise(int n, int classes, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n * dimension];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            for (int d = 0; d < dimension; d++) {
                values[i * dimension + d] = (float) gaussian(random);
            }
        }
        return new Features(values, n, dimension, labels);
    }

    /** The same rows with uniformly random labels. */
    static Features relabelled(Features features, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[features.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new Features(features.values(), features.count(), features.dimension(), labels);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
