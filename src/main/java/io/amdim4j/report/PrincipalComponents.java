package io.amdim4j.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The leading principal components of a set of embeddings, for the 2-D map of the report.
 *
 * <p>Block (subspace) power iteration on the sample covariance C = XcᵀXc / (N − 1) of the centred
 * rows Xc, without ever forming the D×D matrix: each iteration multiplies an orthonormal block of
 * b = k + {@value #OVERSAMPLING} vectors by C as Xcᵀ(Xc·V), 4·N·D·b operations (1 GFLOP for
 * N = 10k, D = 2048, k = 2), then re-orthonormalises it. A Rayleigh–Ritz step on each block orders
 * its directions by variance and gives the residuals ‖C·u − θ·u‖ that decide convergence. The
 * extra vectors make the top k converge at the rate λ<sub>b+1</sub>/λ<sub>k</sub> instead of
 * λ<sub>k+1</sub>/λ<sub>k</sub>, which is what keeps embeddings with a flat spectrum fast
 * (Halko, Martinsson and Tropp 2011, §4.5).
 *
 * @param mean the column means (length D)
 * @param components k unit vectors of length D, by decreasing variance; each is signed so that
 *     its largest-magnitude coordinate is positive, which makes the map deterministic
 * @param variances the variance along each component (the Ritz values of C)
 * @param totalVariance trace of C, so that {@code variances[j] / totalVariance} is the share explained
 * @param iterations power iterations used
 */
record PrincipalComponents(double[] mean, double[][] components, double[] variances, double totalVariance,
        int iterations) {

    /**
     * Iteration cap (about 10 s for N = 10k, D = 2048; measured 0.35 s per iteration on one core);
     * where the spectrum is too flat to converge by then, the top directions are nearly
     * interchangeable and any of them draws a faithful map.
     */
    public static final int MAX_ITERATIONS = 30;

    /**
     * Converged when each of the top k Ritz pairs has ‖C·u − θ·u‖ ≤ this × θ<sub>1</sub>; a
     * direction's error is about the residual over the eigenvalue gap, far below what a scatter
     * plot can show.
     */
    public static final double RESIDUAL_TOLERANCE = 1e-6;

    /**
     * Extra block vectors beyond k (Halko, Martinsson and Tropp recommend 5 to 10). Embeddings of C
     * classes spread over about C − 1 directions of similar variance; 10 extra vectors let the top
     * two converge in a few iterations for ten classes, where 6 needed the full iteration cap.
     */
    public static final int OVERSAMPLING = 10;

    /** Seed of the random start basis, fixed so the same embeddings always give the same map. */
    private static final long START_SEED = 20190603L;

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
        double[][] basis = startBasis(Math.min(d, k + OVERSAMPLING), d);
        Ritz ritz = null;
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double[][] product = covarianceTimes(x, mean, basis);
            ritz = Ritz.of(basis, product, k);
            if (ritz.converged()) {
                break;
            }
            basis = ritz.product();
            orthonormalise(basis);
        }
        double[][] components = new double[k][];
        for (int j = 0; j < k; j++) {
            components[j] = ritz.vectors()[j];
            signByLargest(components[j]);
        }
        return new PrincipalComponents(mean, components, Arrays.copyOf(ritz.values(), k),
                totalVariance(x, mean), iterations);
    }

    /**
     * Rayleigh–Ritz on an orthonormal block Q with W = C·Q: the eigenvectors R of H = QᵀW give
     * the Ritz vectors U = Q·R (largest value first) and C·U = W·R, hence the residuals of the
     * top {@code k} without another pass over the data.
     */
    private record Ritz(double[][] vectors, double[][] product, double[] values, double residual) {

        static Ritz of(double[][] basis, double[][] product, int k) {
            int b = basis.length;
            double[][] h = new double[b][b];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < b; j++) {
                    h[i][j] = 0.5 * (dot(basis[i], product[j]) + dot(basis[j], product[i]));
                }
            }
            double[][] rotation = JacobiEigen.diagonalise(h);
            Integer[] order = new Integer[b];
            for (int j = 0; j < b; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (p, q) -> Double.compare(h[q][q], h[p][p]));
            int d = basis[0].length;
            double[][] vectors = new double[b][d];
            double[][] rotatedProduct = new double[b][d];
            double[] values = new double[b];
            double residual = 0;
            for (int j = 0; j < b; j++) {
                int e = order[j];
                values[j] = Math.max(0, h[e][e]);
                for (int i = 0; i < b; i++) {
                    axpy(rotation[i][e], basis[i], vectors[j]);
                    axpy(rotation[i][e], product[i], rotatedProduct[j]);
                }
                if (j < k) {
                    double[] r = rotatedProduct[j].clone();
                    axpy(-h[e][e], vectors[j], r);
                    residual = Math.max(residual, Math.sqrt(dot(r, r)));
                }
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

    /**
     * C·V for each basis vector V: Xcᵀ(Xc V) / (N − 1), centring on the fly as
     * (x − μ)·V = x·V − μ·V. Each row is read 2b times while it sits in the L1 cache.
     */
    static double[][] covarianceTimes(EmbeddingMatrix x, double[] mean, double[][] basis) {
        int n = x.rows();
        int d = x.dimension();
        int b = basis.length;
        float[] v = x.values();
        double[] meanDot = new double[b];
        for (int j = 0; j < b; j++) {
            meanDot[j] = dot(mean, basis[j]);
        }
        double[][] sum = new double[b][d];
        double[] ySum = new double[b];
        for (int r = 0; r < n; r++) {
            int offset = r * d;
            for (int j = 0; j < b; j++) {
                double[] w = basis[j];
                // four partial sums: independent additions keep the FPU pipeline full
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int c = 0;
                for (; c + 3 < d; c += 4) {
                    s0 += v[offset + c] * w[c];
                    s1 += v[offset + c + 1] * w[c + 1];
                    s2 += v[offset + c + 2] * w[c + 2];
                    s3 += v[offset + c + 3] * w[c + 3];
                }
                for (; c < d; c++) {
                    s0 += v[offset + c] * w[c];
                }
                double y = s0 + s1 + s2 + s3 - meanDot[j];
                double[] o = sum[j];
                for (c = 0; c < d; c++) {
                    o[c] += y * v[offset + c];
                }
                ySum[j] += y;
            }
        }
        double[][] out = new double[b][d];
        for (int j = 0; j < b; j++) {
            for (int c = 0; c < d; c++) {
                out[j][c] = (sum[j][c] - mean[c] * ySum[j]) / (n - 1);
            }
        }
        return out;
    }

    /**
     * Modified Gram–Schmidt; a vector that vanishes (rank-deficient data) is replaced by a unit
     * axis orthogonal to the rest.
     */
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
