package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Plain-Java double loops written straight from the formulas of spec §3.2–3.3, used as the
 * independent expectation in the loss tests. No shifting, masking or matrix products.
 */
final class SlowNce {

    private SlowNce() {}

    /** S[a][b][l] = ⟨src[a], trg[b,:,l]⟩/√R (spec §3.2 step 1). */
    static double[][][] scores(double[][] src, double[][][] trg) {
        int n = src.length;
        int r = src[0].length;
        int l = trg[0][0].length;
        double[][][] s = new double[n][n][l];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int k = 0; k < l; k++) {
                    double dot = 0;
                    for (int i = 0; i < r; i++) {
                        dot += src[a][i] * trg[b][i][k];
                    }
                    s[a][b][k] = dot / Math.sqrt(r);
                }
            }
        }
        return s;
    }

    /** ℓ(a,l) of spec §3.2 step 4 on clipped scores c·tanh(S/c). */
    static double[][] perPositive(double[][] src, double[][][] trg, double tclip) {
        double[][][] s = scores(src, trg);
        int n = s.length;
        int l = s[0][0].length;
        double[][] loss = new double[n][l];
        for (int a = 0; a < n; a++) {
            double negatives = 0;
            for (int b = 0; b < n; b++) {
                if (b == a) {
                    continue;
                }
                for (int k = 0; k < l; k++) {
                    negatives += Math.exp(tclip * Math.tanh(s[a][b][k] / tclip));
                }
            }
            for (int k = 0; k < l; k++) {
                double positive = tclip * Math.tanh(s[a][a][k] / tclip);
                loss[a][k] = -positive + Math.log(Math.exp(positive) + negatives);
            }
        }
        return loss;
    }

    /** NCE(src → trg), spec §3.2 step 5. */
    static double nce(double[][] src, double[][][] trg, double tclip) {
        double[][] loss = perPositive(src, trg, tclip);
        double sum = 0;
        for (double[] row : loss) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / (loss.length * loss[0].length);
    }

    /** λ·mean(S²) over raw scores, spec §3.2 step 2. */
    static double reg(double[][] src, double[][][] trg, double weight) {
        double[][][] s = scores(src, trg);
        double sum = 0;
        int count = 0;
        for (double[][] plane : s) {
            for (double[] row : plane) {
                for (double v : row) {
                    sum += v * v;
                    count++;
                }
            }
        }
        return weight * sum / count;
    }

    /** [L_1t5, L_1t7, L_5t5, R_score, total] of spec §3.3 for views given as [r1, r5 (N×R×25), r7 (N×R×49)]. */
    static double[] multiscale(View v1, View v2, int[] loc1, int[] loc2, NceConfig config) {
        double c = config.tclip();
        double lambda = config.scoreRegWeight();
        double[][] a51 = v1.sources5(loc1);
        double[][] a52 = v2.sources5(loc2);
        double l1t5 = 0.5 * (nce(v1.r1, v2.t5, c) + nce(v2.r1, v1.t5, c));
        double l1t7 = 0.5 * (nce(v1.r1, v2.t7, c) + nce(v2.r1, v1.t7, c));
        double l5t5 = 0.5 * (nce(a51, v2.t5, c) + nce(a52, v1.t5, c));
        double regs = reg(v1.r1, v2.t5, lambda) + reg(v2.r1, v1.t5, lambda)
                + reg(v1.r1, v2.t7, lambda) + reg(v2.r1, v1.t7, lambda)
                + reg(a51, v2.t5, lambda) + reg(a52, v1.t5, lambda);
        double scoreReg = 0.5 * regs;
        return new double[] {l1t5, l1t7, l5t5, scoreReg, l1t5 + l1t7 + l5t5 + scoreReg};
    }

    /** Random values in [−scale, scale). */
    static double[][] random(Random random, int n, int r, double scale) {
        double[][] x = new double[n][r];
        for (double[] row : x) {
            for (int i = 0; i < r; i++) {
                row[i] = scale * (2 * random.nextDouble() - 1);
            }
        }
        return x;
    }

    /** Random values in [−scale, scale). */
    static double[][][] random(Random random, int n, int r, int l, double scale) {
        double[][][] x = new double[n][][];
        for (int i = 0; i < n; i++) {
            x[i] = random(random, r, l, scale);
        }
        return x;
    }

    static NDArray array(NDManager manager, double[][] x, DataType dataType) {
        int n = x.length;
        int r = x[0].length;
        double[] flat = new double[n * r];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * r, r);
        }
        return manager.create(flat, new Shape(n, r)).toType(dataType, false);
    }

    static NDArray array(NDManager manager, double[][][] x, DataType dataType) {
        int n = x.length;
        int r = x[0].length;
        int l = x[0][0].length;
        double[] flat = new double[n * r * l];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                System.arraycopy(x[i][j], 0, flat, (i * r + j) * l, l);
            }
        }
        return manager.create(flat, new Shape(n, r, l)).toType(dataType, false);
    }

    /** One view's embeddings: r1 N×R, t5 N×R×25, t7 N×R×49 (maps flattened row-major). */
    record View(double[][] r1, double[][][] t5, double[][][] t7) {

        static View random(Random random, int n, int r, double scale) {
            return new View(
                    SlowNce.random(random, n, r, scale),
                    SlowNce.random(random, n, r, 25, scale),
                    SlowNce.random(random, n, r, 49, scale));
        }

        double[][] sources5(int[] locations) {
            double[][] a = new double[r1.length][r1[0].length];
            for (int n = 0; n < a.length; n++) {
                for (int i = 0; i < a[n].length; i++) {
                    a[n][i] = t5[n][i][locations[n]];
                }
            }
            return a;
        }

        /** [r1 (N×R), r5 (N×R×5×5), r7 (N×R×7×7)] as the encoder returns them. */
        NDList toNDList(NDManager manager, DataType dataType) {
            int n = r1.length;
            int r = r1[0].length;
            return new NDList(
                    array(manager, r1, dataType),
                    array(manager, t5, dataType).reshape(n, r, 5, 5),
                    array(manager, t7, dataType).reshape(n, r, 7, 7));
        }
    }
}
