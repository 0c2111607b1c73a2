package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoupledL2AdamTest {

    private static final OptimConfig CONFIG =
            new OptimConfig(0.1, 0.8, 0.999, 1e-8, 0.01, 0, List.of(), 0.2);

    private static Parameter param(NDManager m, float[] values) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.create(values, new Shape(values.length)));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    /** Plain-Java Adam with coupled L2 on loss sum(w^2 * c). */
    private static double[] reference(double[] w, double[] c, int steps, double lr) {
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = 2 * c[i] * w[i] + CONFIG.weightDecay() * w[i];
                m[i] = CONFIG.beta1() * m[i] + (1 - CONFIG.beta1()) * g;
                v[i] = CONFIG.beta2() * v[i] + (1 - CONFIG.beta2()) * g * g;
                double mh = m[i] / (1 - Math.pow(CONFIG.beta1(), t));
                double vh = v[i] / (1 - Math.pow(CONFIG.beta2(), t));
                w[i] -= lr * mh / (Math.sqrt(vh) + CONFIG.eps());
            }
        }
        return w;
    }

    private static void steps(NDManager manager, Parameter p, CoupledL2Adam adam, float[] c, int n) {
        for (int s = 0; s < n; s++) {
            try (NDManager sub = manager.newSubManager();
                    var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray w = p.getArray();
                NDArray loss = w.square().mul(sub.create(c)).sum();
                gc.backward(loss);
            }
            adam.update(CONFIG.lr());
        }
    }

    @Test
    void matchesAPlainAdamWithCoupledWeightDecay() {
        float[] w0 = {1.0f, -2.0f, 0.5f};
        float[] c = {1f, 0.1f, 3f};
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = param(manager, w0);
            try (CoupledL2Adam adam = new CoupledL2Adam(CONFIG, Map.of("w", p), manager)) {
                steps(manager, p, adam, c, 7);
                assertThat(adam.step()).isEqualTo(7);
                double[] expected = reference(new double[] {1, -2, 0.5}, new double[] {1, 0.1, 3}, 7, CONFIG.lr());
                float[] got = p.getArray().toFloatArray();
                for (int i = 0; i < 3; i++) {
                    assertThat((double) got[i]).isCloseTo(expected[i], within(1e-5));
                }
            }
        }
    }

    @Test
    void restoredStateContinuesExactly() {
        float[] c = {1f, 0.1f, 3f};
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = param(manager, new float[] {1f, -2f, 0.5f});
            Parameter b = param(manager, new float[] {1f, -2f, 0.5f});
            try (CoupledL2Adam first = new CoupledL2Adam(CONFIG, Map.of("w", a), manager);
                    CoupledL2Adam second = new CoupledL2Adam(CONFIG, Map.of("w", b), manager)) {
                steps(manager, a, first, c, 3);
                steps(manager, b, second, c, 3);
                NDList saved = first.state(manager);
                try (CoupledL2Adam resumed = new CoupledL2Adam(CONFIG, Map.of("w", a), manager)) {
                    resumed.loadState(NDList.decode(manager, saved.encode()), "test");
                    assertThat(resumed.step()).isEqualTo(3);
                    steps(manager, a, resumed, c, 4);
                    steps(manager, b, second, c, 4);
                    assertThat(a.getArray().toFloatArray()).containsExactly(b.getArray().toFloatArray());
                }
            }
        }
    }

    @Test
    void missingMomentsAreReportedByName() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter a = param(manager, new float[] {1f});
            try (CoupledL2Adam adam = new CoupledL2Adam(CONFIG, Map.of("w", a), manager)) {
                NDArray step = manager.create(new long[] {2});
                step.setName("step");
                assertThatThrownBy(() -> adam.loadState(new NDList(step), "ckpt-7.bin"))
                        .hasMessageContaining("ckpt-7.bin")
                        .hasMessageContaining("m/w");
            }
        }
    }
}
