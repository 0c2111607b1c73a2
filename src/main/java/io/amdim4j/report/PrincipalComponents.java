package io.amdim4j.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The leading principal components of a set of embeddings, for the 2-D map of the report.
 *
 * <p>Orthogonal (subspace) power iteration on the sample covariance C = XcᵀXc / (N − 1) of the
 * centred rows Xc, without ever forming the D×D matrix: each iteration multiplies the k-column
 * basis by C as Xcᵀ(Xc V), 4·N·D·k operations (0.16 GFLOP for N = 10k, D = 2048, k = 2), then
 * re-orthonormalises it. The subspace converges at the rate λ<sub>k+1</sub>/λ<sub>k</sub>; a
 * Rayleigh–Ritz step on each basis orders the directions within it by variance and measures the
 * residuals that decide convergence.
 *
 * @param mean the column means (length D)
 * @param components k unit vectors of length D, by decreasing variance; each is signed so that
 *     its largest-magnitude coordinate is positive, which makes the map deterministic
 * @param variances the variance along each component (the Ritz values of C)
 * @param totalVariance trace of C, so that {@code variances[j] / totalVariance} is the share explained
 * @param iterations power iterations used
 */
public record PrincipalComponents(double[] mean, double[][] components, double[] variances, double totalVariance,
        int iterations) {

    /**
     * Iteration cap (at most about 16 s for N = 10k, D = 2048); with nearly equal eigenvalues the
     * plane from a not quite converged basis is still a faithful picture of the spread.
     */
    public static final int MAX_ITERATIONS = 300;

    /**
     * Converged when every Ritz pair has ‖C·u − θ·u‖ ≤ this × θ<sub>1</sub>; a direction's error
     * is about the residual over the eigenvalue gap, far below what a scatter plot can show.
     */
    public static final double RESIDUAL_TOLERANCE = 1e-7;

    /** Seed of the random start basis, fixed so the same embeddings always give the same map. */
    private static final long START_SEED = 20190603L;

    /** Relative size below which an off-diagonal entry of the k×k Ritz matrix counts as zero. */
    private static final double JACOBI_TOLERANCE = 1e-15;

    /** Cyclic Jacobi converges quadratically; a handful of sweeps suffices for k×k with small k. */
    private static final int MAX_JACOBI_SWEEPS = 50;

    /**
     * The top {@code k} principal components of the rows of {@code x}.
     *
     * @throws IllegalArgumentException if there are fewer than 2 rows or fewer than k columns
     */
    public static PrincipalComponents of(EmbeddingMatrix x, int k) {
        int n = x.rows();
        int d = x.dimension();
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("need 1 <= k <= D = " + d + " components, got " + k);
        }
        if (n < 2) {
            throw new IllegalArgumentException("principal components need at least 2 rows, got " + n);
        }
        double[] mean = columnMeans(x);
        double[][] basis = startBasis(k, d);
        Ritz ritz = null;
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double[][] product = covarianceTimes(x, mean, basis);
            ritz = Ritz.of(basis, product);
            if (ritz.converged()) {
                break;
            }
            basis = ritz.product();
            orthonormalise(basis);
        }
        for (double[] v : ritz.vectors()) {
            signByLargest(v);
        }
        return new PrincipalComponents(mean, ritz.vectors(), ritz.values(), totalVariance(x, mean), iterations);
    }

    /**
     * Rayleigh–Ritz on an orthonormal basis Q with W = C·Q: the eigenvectors R of H = QᵀW give
     * the Ritz vectors U = Q·R (largest value first) and C·U = W·R, hence the residuals
     * ‖C·u − θ·u‖ without another pass over the data.
     */
    private record Ritz(double[][] vectors, double[][] product, double[] values, double residual) {

        static Ritz of(double[][] basis, double[][] product) {
            int k = basis.length;
            double[][] h = new double[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    h[a][b] = 0.5 * (dot(basis[a], product[b]) + dot(basis[b], product[a]));
                }
            }
            double[][] rotation = jacobi(h);
            Integer[] order = new Integer[k];
            for (int j = 0; j < k; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(h[b][b], h[a][a]));
            int d = basis[0].length;
            double[][] vectors = new double[k][d];
            double[][] rotatedProduct = new double[k][d];
            double[] values = new double[k];
            double residual = 0;
            for (int j = 0; j < k; j++) {
                int e = order[j];
                values[j] = Math.max(0, h[e][e]);
                for (int a = 0; a < k; a++) {
                    axpy(rotation[a][e], basis[a], vectors[j]);
                    axpy(rotation[a][e], product[a], rotatedProduct[j]);
                }
                double[] r = rotatedProduct[j].clone();
                axpy(-h[e][e], vectors[j], r);
                residual = Math.max(residual, Math.sqrt(dot(r, r)));
            }
            return new Ritz(vectors, rotatedProduct, values, residual);
        }

        boolean converged() {
            return residual <= RESIDUAL_TOLERANCE * values[0];
        }
    }

    /** Coordinates of row {@code r} of {@code x} along each component. */
    public double[] project(EmbeddingMatrix x, int r) {
        double[] out = new double[components.length];
        int offset = r * x.dimension();
        for (int j = 0; j < components.length; j++) {
            double s = 0;
            for (int c = 0; c < mean.length; c++) {
                s += (x.values()[offset + c] - mean[c]) * components[j][c];
            }
            out[j] = s;
        }
        return out;
    }

    /** Share of the total variance along component {@code j}, in [0, 1]; 0 for constant data. */
    public double explainedFraction(int j) {
        return totalVariance > 0 ? variances[j] / totalVariance : 0;
    }

    private static double[] columnMeans(EmbeddingMatrix x) {
        int d = x.dimension();
        double[] mean = new double[d];
        float[] v = x.values();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0, o = r * d; c < d; c++, o++) {
                mean[c] += v[o];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= x.rows();
        }
        return mean;
    }

    private static double totalVariance(EmbeddingMatrix x, double[] mean) {
        int d = x.dimension();
        float[] v = x.values();
        double sum = 0;
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0, o = r * d; c < d; c++, o++) {
                double centred = v[o] - mean[c];
                sum += centred * centred;
            }
        }
        return sum / (x.rows() - 1);
    }

    private static double[][] startBasis(int k, int d) {
        SplittableRandom random = new SplittableRandom(START_SEED);
        double[][] basis = new double[k][d];
        for (double[] b : basis) {
            for (int c = 0; c < d; c++) {
                b[c] = random.nextDouble(-1, 1);
            }
        }
        orthonormalise(basis);
        return basis;
    }

    /** C·V for each basis vector V: Xcᵀ(Xc V) / (N − 1), centring on the fly (x − μ)·V = x·V − μ·V. */
    static double[][] covarianceTimes(EmbeddingMatrix x, double[] mean, double[][] basis) {
        int n = x.rows();
        int d = x.dimension();
        int k = basis.length;
        float[] v = x.values();
        double[] meanDot = new double[k];
        for (int j = 0; j < k; j++) {
            meanDot[j] = dot(mean, basis[j]);
        }
        double[][] out = new double[k][d];
        double[] ySum = new double[k];
        for (int r = 0; r < n; r++) {
            int offset = r * d;
            for (int j = 0; j < k; j++) {
                double[] b = basis[j];
                double y = -meanDot[j];
                for (int c = 0; c < d; c++) {
                    y += v[offset + c] * b[c];
                }
                double[] o = out[j];
                for (int c = 0; c < d; c++) {
                    o[c] += y * v[offset + c];
                }
                ySum[j] += y;
            }
        }
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < d; c++) {
                out[j][c] = (out[j][c] - mean[c] * ySum[j]) / (n - 1);
            }
        }
        return out;
    }

    /** Modified Gram–Schmidt; a vector that vanishes (rank-deficient data) is replaced by a unit axis orthogonal to the rest. */
    static void orthonormalise(double[][] vectors) {
        for (int j = 0; j < vectors.length; j++) {
            double[] v = vectors[j];
            for (int i = 0; i < j; i++) {
                axpy(-dot(vectors[i], v), vectors[i], v);
            }
            double norm = Math.sqrt(dot(v, v));
            if (norm > 0) {
                scale(v, 1 / norm);
                continue;
            }
            for (int axis = 0; axis < v.length && norm == 0; axis++) {
                Arrays.fill(v, 0);
                v[axis] = 1;
                for (int i = 0; i < j; i++) {
                    axpy(-dot(vectors[i], v), vectors[i], v);
                }
                norm = Math.sqrt(dot(v, v));
            }
            scale(v, 1 / norm);
        }
    }

    /** Cyclic Jacobi on a small symmetric matrix: diagonalises {@code a} in place, returns the eigenvectors as columns. */
    static double[][] jacobi(double[][] a) {
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
        double threshold = JACOBI_TOLERANCE * Math.sqrt(scaleOf);
        for (int sweep = 0; sweep < MAX_JACOBI_SWEEPS; sweep++) {
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

    private static void signByLargest(double[] v) {
        int largest = 0;
        for (int c = 1; c < v.length; c++) {
            if (Math.abs(v[c]) > Math.abs(v[largest])) {
                largest = c;
            }
        }
        if (v[largest] < 0) {
            scale(v, -1);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void scale(double[] v, double alpha) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= alpha;
        }
    }
}
