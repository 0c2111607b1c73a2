package io.amdim4j.report;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan,
 * §8.5): the Rayleigh–Ritz step of {@link PrincipalComponents} needs it for a b×b matrix with b
 * about 12, where its simplicity and accuracy beat anything cleverer.
 */
final class JacobiEigen {

    /** Relative size below which an off-diagonal entry counts as zero. */
    private static final double TOLERANCE = 1e-15;

    /** Cyclic Jacobi converges quadratically; a handful of sweeps suffices for small matrices. */
    private static final int MAX_SWEEPS = 50;

    private JacobiEigen() {}

    /**
     * Diagonalises {@code a} in place: afterwards its diagonal holds the eigenvalues, and column j
     * of the returned matrix is the unit eigenvector of {@code a[j][j]}.
     *
     * @param a a symmetric n×n matrix, overwritten
     * @return the eigenvectors as columns
     */
    static double[][] diagonalise(double[][] a) {
        int k = a.length;
        double[][] vectors = new double[k][k];
        for (int i = 0; i < k; i++) {
            vectors[i][i] = 1;
        }
        double scaleOf = 0;
        for (double[] row : a) {
            for (double value : row) {
                scaleOf += value * value;
            }
        }
        double threshold = TOLERANCE * Math.sqrt(scaleOf);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < k; p++) {
                for (int q = p + 1; q < k; q++) {
                    off = Math.max(off, Math.abs(a[p][q]));
                }
            }
            if (off <= threshold) {
                break;
            }
            for (int p = 0; p < k; p++) {
                for (int q = p + 1; q < k; q++) {
                    if (Math.abs(a[p][q]) > threshold) {
                        rotate(a, vectors, p, q);
                    }
                }
            }
        }
        return vectors;
    }

    /** One Jacobi rotation zeroing a[p][q] (Golub and Van Loan, Algorithm 8.5.1). */
    private static void rotate(double[][] a, double[][] vectors, int p, int q) {
        double tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(tau == 0 ? 1 : tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        double c = 1 / Math.sqrt(1 + t * t);
        double s = t * c;
        int k = a.length;
        for (int i = 0; i < k; i++) {
            double aip = a[i][p];
            double aiq = a[i][q];
            a[i][p] = c * aip - s * aiq;
            a[i][q] = s * aip + c * aiq;
        }
        for (int i = 0; i < k; i++) {
            double api = a[p][i];
            double aqi = a[q][i];
            a[p][i] = c * api - s * aqi;
            a[q][i] = s * api + c * aqi;
        }
        for (int i = 0; i < k; i++) {
            double vip = vectors[i][p];
            double viq = vectors[i][q];
            vectors[i][p] = c * vip - s * viq;
            vectors[i][q] = s * vip + c * viq;
        }
    }
}
