package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    @Test
    void pointsOnALineGiveTheLineDirectionAndItsVariance() {
        int d = 20;
        int n = 101;
        SplittableRandom random = new SplittableRandom(3);
        double[] u = unit(random, d);
        double[] offset = new double[d];
        for (int c = 0; c < d; c++) {
            offset[c] = random.nextDouble(-5, 5);
        }
        float[] values = new float[n * d];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextDouble(-4, 4);
            for (int c = 0; c < d; c++) {
                values[i * d + c] = (float) (offset[c] + t[i] * u[c]);
            }
        }
        PrincipalComponents pca = PrincipalComponents.of(new EmbeddingMatrix(n, d, values), 2);

        assertThat(Math.abs(dot(pca.components()[0], u))).isGreaterThan(1 - 1e-9);
        double meanT = java.util.Arrays.stream(t).average().orElseThrow();
        double varT = java.util.Arrays.stream(t).map(x -> (x - meanT) * (x - meanT)).sum() / (n - 1);
        // float storage of the points limits the agreement to about 1e-6 relative
        assertThat(pca.variances()[0]).isCloseTo(varT, within(1e-5 * varT));
        assertThat(pca.variances()[1]).isLessThan(1e-9 * varT);
        assertThat(pca.explainedFraction(0)).isCloseTo(1, within(1e-6));
        assertThat(Math.abs(dot(pca.components()[1], pca.components()[0]))).isLessThan(1e-9);
        // the projection of point i on PC1 is ±(t_i − mean t)
        double sign = Math.signum(dot(pca.components()[0], u));
        for (int i = 0; i < n; i += 10) {
            assertThat(pca.project(new EmbeddingMatrix(n, d, values), i)[0])
                    .isCloseTo(sign * (t[i] - meanT), within(1e-4));
        }
    }

    @Test
    void aPlaneWithKnownVariancesGivesBothAxesInOrder() {
        // the four points ±3u ± w: sample variance 4·9/3 = 12 along u and 4·1/3 along w
        int d = 9;
        SplittableRandom random = new SplittableRandom(5);
        double[] u = unit(random, d);
        double[] w = unit(random, d);
        double uw = dot(u, w);
        for (int c = 0; c < d; c++) {
            w[c] -= uw * u[c];
        }
        double norm = Math.sqrt(dot(w, w));
        for (int c = 0; c < d; c++) {
            w[c] /= norm;
        }
        float[] values = new float[4 * d];
        int i = 0;
        for (int a : new int[] {-3, 3}) {
            for (int b : new int[] {-1, 1}) {
                for (int c = 0; c < d; c++) {
                    values[i * d + c] = (float) (a * u[c] + b * w[c] + 1.5);
                }
                i++;
            }
        }
        PrincipalComponents pca = PrincipalComponents.of(new EmbeddingMatrix(4, d, values), 2);

        assertThat(Math.abs(dot(pca.components()[0], u))).isGreaterThan(1 - 1e-6);
        assertThat(Math.abs(dot(pca.components()[1], w))).isGreaterThan(1 - 1e-6);
        assertThat(pca.variances()[0]).isCloseTo(12, within(1e-4));
        assertThat(pca.variances()[1]).isCloseTo(4.0 / 3, within(1e-4));
        assertThat(pca.totalVariance()).isCloseTo(12 + 4.0 / 3, within(1e-4));
    }

    @Test
    void componentsAreEigenvectorsOfTheDenseCovarianceWithTheLargestRayleighQuotients() {
        int n = 300;
        // wider than the iterated block (k + OVERSAMPLING), so the power iteration itself is tested
        int d = 40;
        SplittableRandom random = new SplittableRandom(11);
        float[] values = new float[n * d];
        for (int i = 0; i < n; i++) {
            double shared = random.nextGaussian();
            for (int c = 0; c < d; c++) {
                // unequal scales plus a shared factor: a full covariance with distinct eigenvalues
                values[i * d + c] = (float) ((c % 13 + 1) * 0.3 * random.nextGaussian() + shared * (c % 3));
            }
        }
        EmbeddingMatrix x = new EmbeddingMatrix(n, d, values);
        PrincipalComponents pca = PrincipalComponents.of(x, 2);
        double[][] cov = denseCovariance(x);

        for (int j = 0; j < 2; j++) {
            double[] v = pca.components()[j];
            double[] cv = times(cov, v);
            for (int c = 0; c < d; c++) {
                assertThat(cv[c]).isCloseTo(pca.variances()[j] * v[c], within(1e-5 * pca.variances()[0]));
            }
        }
        double trace = 0;
        for (int c = 0; c < d; c++) {
            trace += cov[c][c];
        }
        assertThat(pca.totalVariance()).isCloseTo(trace, within(1e-9 * trace));
        for (int trial = 0; trial < 2000; trial++) {
            double[] v = unit(random, d);
            assertThat(dot(v, times(cov, v))).isLessThanOrEqualTo(pca.variances()[0] * (1 + 1e-9));
            double along = dot(v, pca.components()[0]);
            for (int c = 0; c < d; c++) {
                v[c] -= along * pca.components()[0][c];
            }
            double norm2 = dot(v, v);
            assertThat(dot(v, times(cov, v)) / norm2).isLessThanOrEqualTo(pca.variances()[1] * (1 + 1e-6));
        }
    }

    @Test
    void theSameDataGivesTheSameSignedComponents() {
        float[] values = new float[60];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        EmbeddingMatrix x = new EmbeddingMatrix(12, 5, values);
        PrincipalComponents a = PrincipalComponents.of(x, 2);
        PrincipalComponents b = PrincipalComponents.of(x, 2);
        assertThat(a.components()[0]).containsExactly(b.components()[0]);
        for (double[] v : a.components()) {
            int largest = 0;
            for (int c = 1; c < v.length; c++) {
                largest = Math.abs(v[c]) > Math.abs(v[largest]) ? c : largest;
            }
            assertThat(v[largest]).isPositive();
        }
    }

    @Test
    void constantDataHasZeroVarianceAndTooFewRowsAreRejected() {
        float[] same = new float[30];
        java.util.Arrays.fill(same, 2f);
        PrincipalComponents pca = PrincipalComponents.of(new EmbeddingMatrix(10, 3, same), 2);
        assertThat(pca.variances()).containsExactly(0, 0);
        assertThat(pca.explainedFraction(0)).isZero();
        assertThatThrownBy(() -> PrincipalComponents.of(new EmbeddingMatrix(1, 3, new float[3]), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 rows");
        assertThatThrownBy(() -> PrincipalComponents.of(new EmbeddingMatrix(4, 1, new float[4]), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k <= D");
    }

    private static double[][] denseCovariance(EmbeddingMatrix x) {
        int n = x.rows();
        int d = x.dimension();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                mean[c] += x.get(i, c) / (double) n;
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += (x.get(i, a) - mean[a]) * (x.get(i, b) - mean[b]) / (n - 1);
                }
            }
        }
        return cov;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int a = 0; a < v.length; a++) {
            out[a] = dot(m[a], v);
        }
        return out;
    }

    private static double[] unit(SplittableRandom random, int d) {
        double[] v = new double[d];
        for (int c = 0; c < d; c++) {
            v[c] = random.nextGaussian();
        }
        double norm = Math.sqrt(dot(v, v));
        for (int c = 0; c < d; c++) {
            v[c] /= norm;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
