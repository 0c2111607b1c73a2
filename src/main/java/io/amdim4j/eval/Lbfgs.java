package io.amdim4j.eval;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, Algorithms 7.4 and 7.5) with a
 * backtracking Armijo line search. The search direction and history live on the host in doubles;
 * only the objective touches the engine, so each iteration costs one forward and backward pass
 * (plus any backtracking), far fewer engine calls than a minibatch optimiser needs.
 *
 * <p>Stops after {@code maxIterations}, when the largest gradient component falls below
 * {@link #GRADIENT_TOLERANCE}, when an iteration lowers the value by less than
 * {@link #VALUE_TOLERANCE} relative (float32 objectives are not more precise), or when the line
 * search finds no decrease.
 */
final class Lbfgs {

    /** Number of (s, y) pairs kept. */
    static final int HISTORY = 10;

    /** Sufficient-decrease constant c₁ of the Armijo condition. */
    static final double ARMIJO = 1e-4;

    /** Halvings of the step before the line search gives up. */
    static final int MAX_BACKTRACKS = 30;

    /** Largest gradient component at which the iterate counts as stationary. */
    static final double GRADIENT_TOLERANCE = 1e-5;

    /** Relative decrease below which an iteration counts as no progress. */
    static final double VALUE_TOLERANCE = 1e-7;

    /** Curvature sᵀy below which a pair is not stored (keeps the inverse Hessian positive). */
    static final double MIN_CURVATURE = 1e-10;

    /** A differentiable function. */
    @FunctionalInterface
    interface Objective {
        /**
         * @param x the point
         * @param gradient receives ∇f(x)
         * @return f(x)
         */
        double evaluate(double[] x, double[] gradient);
    }

    /**
     * The result.
     *
     * @param x the last iterate
     * @param value f(x)
     * @param iterations accepted steps
     * @param evaluations objective calls
     */
    record Result(double[] x, double value, int iterations, int evaluations) {}

    private final int maxIterations;

    Lbfgs(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("L-BFGS maxIterations must be ≥ 1, got " + maxIterations);
        }
        this.maxIterations = maxIterations;
    }

    Result minimise(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        Deque<double[]> sHistory = new ArrayDeque<>();
        Deque<double[]> yHistory = new ArrayDeque<>();
        int iterations = 0;
        while (iterations < maxIterations && maxAbs(g) > GRADIENT_TOLERANCE) {
            double[] d = direction(g, sHistory, yHistory);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // not a descent direction (numerical trouble): restart from steepest descent
                sHistory.clear();
                yHistory.clear();
                d = scaled(g, -1);
                slope = -dot(g, g);
            }
            double step = sHistory.isEmpty() ? Math.min(1, 1 / l1(g)) : 1;
            double[] xNew = new double[n];
            double[] gNew = new double[n];
            double fNew = Double.NaN;
            boolean decreased = false;
            for (int back = 0; back <= MAX_BACKTRACKS && !decreased; back++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                evaluations++;
                decreased = fNew <= fx + ARMIJO * step * slope;
                if (!decreased) {
                    step /= 2;
                }
            }
            if (!decreased) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            if (dot(s, y) > MIN_CURVATURE) {
                sHistory.addLast(s);
                yHistory.addLast(y);
                if (sHistory.size() > HISTORY) {
                    sHistory.removeFirst();
                    yHistory.removeFirst();
                }
            }
            double decrease = fx - fNew;
            x = xNew;
            g = gNew;
            fx = fNew;
            iterations++;
            if (decrease <= VALUE_TOLERANCE * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return new Result(x, fx, iterations, evaluations);
    }

    /** −H·g by the two-loop recursion, H₀ = (sᵀy / yᵀy)·I from the newest pair. */
    private static double[] direction(double[] g, Deque<double[]> sHistory, Deque<double[]> yHistory) {
        int m = sHistory.size();
        double[] q = g.clone();
        double[] alpha = new double[m];
        double[] rho = new double[m];
        double[][] s = sHistory.toArray(new double[0][]);
        double[][] y = yHistory.toArray(new double[0][]);
        for (int j = m - 1; j >= 0; j--) {
            rho[j] = 1 / dot(y[j], s[j]);
            alpha[j] = rho[j] * dot(s[j], q);
            axpy(-alpha[j], y[j], q);
        }
        double gamma = m == 0 ? 1 : dot(s[m - 1], y[m - 1]) / dot(y[m - 1], y[m - 1]);
        for (int i = 0; i < q.length; i++) {
            q[i] *= gamma;
        }
        for (int j = 0; j < m; j++) {
            double beta = rho[j] * dot(y[j], q);
            axpy(alpha[j] - beta, s[j], q);
        }
        return scaled(q, -1);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = factor * v[i];
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }

    private static double l1(double[] v) {
        double sum = 0;
        for (double e : v) {
            sum += Math.abs(e);
        }
        return sum == 0 ? 1 : sum;
    }
}
