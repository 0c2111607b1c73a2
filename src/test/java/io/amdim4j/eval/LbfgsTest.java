package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    @Test
    void findsTheMinimumOfAnIllConditionedQuadratic() {
        double[] scale = {1, 10, 100, 1000};
        double[] centre = {1, -2, 3, -4};
        Lbfgs.Result result = new Lbfgs(200).minimise((x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - centre[i];
                f += 0.5 * scale[i] * d * d;
                g[i] = scale[i] * d;
            }
            return f;
        }, new double[4]);
        for (int i = 0; i < 4; i++) {
            assertThat(result.x()[i]).isCloseTo(centre[i], within(1e-4));
        }
    }

    /** f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1), with its gradient. */
    private static final Lbfgs.Objective ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void findsTheMinimumOfRosenbrock() {
        Lbfgs.Result result = new Lbfgs(500).minimise(ROSENBROCK, new double[] {-1.2, 1});
        assertThat(result.x()[0]).isCloseTo(1, within(1e-3));
        assertThat(result.x()[1]).isCloseTo(1, within(1e-3));
        assertThat(result.value()).isLessThan(1e-6);
    }

    @Test
    void stopsAfterMaxIterations() {
        Lbfgs.Result result = new Lbfgs(3).minimise(ROSENBROCK, new double[] {-1.2, 1});
        assertThat(result.iterations()).isEqualTo(3);
        assertThatThrownBy(() -> new Lbfgs(0)).hasMessageContaining("maxIterations");
    }
}
