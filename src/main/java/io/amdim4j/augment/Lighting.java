package io.amdim4j.augment;

import java.util.random.RandomGenerator;

/**
 * AlexNet-style PCA lighting noise: adds Σ_j eigvec[c][j]·α_j·eigval_j to every value of channel c,
 * with α_j ~ N(0, alphaStd²), using the usual ImageNet RGB eigen-decomposition. Our 128-px default
 * uses it with alphaStd 0.1 (spec §9 #4, the authors' later best base transform); it runs on the
 * [0, 1] values after grayscale and before normalisation, as in the common ImageNet pipelines, and
 * does not clip.
 *
 * @param alphaStd standard deviation of α, ≥ 0; 0 switches the noise off (nothing is drawn)
 */
public record Lighting(double alphaStd) {

    /** Spec §9 #4: lighting noise 0.1 at 128 px. */
    static final double ALPHA_STD_128 = 0.1;
    /** Eigenvalues of the ImageNet RGB covariance (AlexNet). */
    static final double[] EIGVAL = {0.2175, 0.0188, 0.0045};
    /** Eigenvectors as columns: EIGVEC[channel][component]. */
    static final double[][] EIGVEC = {
        {-0.5675, 0.7192, 0.4009},
        {-0.5808, -0.0045, -0.8140},
        {-0.5836, -0.6948, 0.4203},
    };

    /**
     * Checks the noise scale.
     *
     * @param alphaStd at least 0
     * @throws IllegalArgumentException if it is negative or NaN
     */
    public Lighting {
        if (!(alphaStd >= 0)) {
            throw new IllegalArgumentException("lighting alphaStd must be >= 0, got " + alphaStd);
        }
    }

    /** No lighting noise (spec §5). */
    static Lighting none() {
        return new Lighting(0);
    }

    /** Draws α (three Gaussians, if enabled) and adds the noise to {@code image} in place. */
    void applyInPlace(FloatImage image, RandomGenerator rng) {
        if (alphaStd == 0) {
            return;
        }
        if (image.channels() != 3) {
            throw new IllegalArgumentException("lighting noise needs 3 channels, got " + image.channels());
        }
        double[] alpha = new double[EIGVAL.length];
        for (int j = 0; j < alpha.length; j++) {
            alpha[j] = alphaStd * rng.nextGaussian();
        }
        addInPlace(image, alpha);
    }

    /** Adds the lighting offset for the given α to each channel. */
    static void addInPlace(FloatImage image, double[] alpha) {
        float[] d = image.data();
        int plane = image.planeSize();
        for (int c = 0; c < 3; c++) {
            double offset = 0;
            for (int j = 0; j < EIGVAL.length; j++) {
                offset += EIGVEC[c][j] * alpha[j] * EIGVAL[j];
            }
            float o = (float) offset;
            for (int i = c * plane, end = i + plane; i < end; i++) {
                d[i] += o;
            }
        }
    }
}
