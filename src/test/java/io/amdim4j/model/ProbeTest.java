package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.amdim4j.WithNDManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LinearProbe} and {@link MlpProbe} (spec §6.1, init §2.4). */
class ProbeTest extends WithNDManager {

    private static final int N = 6;
    private static final int R = 16;
    private static final int CLASSES = 10;

    private ParameterStore store;

    @BeforeEach
    void setUp() {
        store = new ParameterStore(manager, false);
        Engine.getInstance().setRandomSeed(5);
    }

    @Test
    void linearProbeIsAffineWithFanInUniformInit() {
        LinearProbe probe = LinearProbe.builder().setNumClasses(CLASSES).build();
        probe.initialize(manager, DataType.FLOAT32, new Shape(N, R));
        float[] w = value(probe, "01fc_weight");
        float[] b = value(probe, "01fc_bias");
        assertThat(w).hasSize(CLASSES * R);
        assertThat(b).hasSize(CLASSES);
        assertWithin(w, 1 / Math.sqrt(R));
        assertWithin(b, 1 / Math.sqrt(R));
        assertThat(EncoderTest.trainableParameters(probe)).isEqualTo((long) R * CLASSES + CLASSES);

        float[] x = manager.randomNormal(new Shape(N, R)).toFloatArray();
        NDArray logits = probe.forward(store, new NDList(manager.create(x, new Shape(N, R))), true).head();
        assertThat(logits.getShape()).isEqualTo(new Shape(N, CLASSES));
        float[] z = logits.toFloatArray();
        for (int n = 0; n < N; n++) {
            for (int k = 0; k < CLASSES; k++) {
                double s = b[k];
                for (int i = 0; i < R; i++) {
                    s += w[k * R + i] * x[n * R + i];
                }
                assertThat((double) z[n * CLASSES + k]).isCloseTo(s, within(1e-5));
            }
        }
    }

    @Test
    void mlpProbeMatchesPlainJavaInInferenceMode() {
        int hidden = MlpProbe.HIDDEN_UNITS;
        MlpProbe probe = MlpProbe.builder().setNumClasses(CLASSES).build();
        probe.initialize(manager, DataType.FLOAT32, new Shape(N, R));
        assertThat(probe.getOutputShapes(new Shape[] {new Shape(N, R)})[0])
                .isEqualTo(new Shape(N, CLASSES));
        float[] w1 = value(probe, "02fc1_weight");
        float[] w2 = value(probe, "05fc2_weight");
        float[] b2 = value(probe, "05fc2_bias");
        assertThat(probe.getParameters().keys()).doesNotContain("02fc1_bias");
        assertWithin(w1, 1 / Math.sqrt(R));
        assertWithin(w2, 1 / Math.sqrt(hidden));
        assertWithin(b2, 1 / Math.sqrt(hidden));
        assertThat(value(probe, "03bn1_gamma")).containsOnly(1f);
        assertThat(value(probe, "03bn1_beta")).containsOnly(0f);
        assertThat(EncoderTest.trainableParameters(probe))
                .isEqualTo((long) R * hidden + 2L * hidden + (long) hidden * CLASSES + CLASSES);

        float[] x = manager.randomNormal(new Shape(N, R)).toFloatArray();
        float[] z =
                probe.forward(store, new NDList(manager.create(x, new Shape(N, R))), false)
                        .head()
                        .toFloatArray();
        double bnScale = 1 / Math.sqrt(1 + 1e-5); // running mean 0, variance 1, γ 1, β 0
        for (int n = 0; n < N; n++) {
            double[] h = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double s = 0;
                for (int i = 0; i < R; i++) {
                    s += w1[j * R + i] * x[n * R + i];
                }
                h[j] = Math.max(0, s * bnScale);
            }
            for (int k = 0; k < CLASSES; k++) {
                double s = b2[k];
                for (int j = 0; j < hidden; j++) {
                    s += w2[k * hidden + j] * h[j];
                }
                assertThat((double) z[n * CLASSES + k]).isCloseTo(s, within(1e-4));
            }
        }
    }

    @Test
    void mlpProbeDropsOutOnlyInTraining() {
        MlpProbe probe = MlpProbe.builder().setNumClasses(CLASSES).build();
        probe.initialize(manager, DataType.FLOAT32, new Shape(N, R));
        NDArray x = manager.randomNormal(new Shape(N, R));
        float[] eval1 = probe.forward(store, new NDList(x), false).head().toFloatArray();
        float[] eval2 = probe.forward(store, new NDList(x), false).head().toFloatArray();
        float[] train1 = probe.forward(store, new NDList(x), true).head().toFloatArray();
        float[] train2 = probe.forward(store, new NDList(x), true).head().toFloatArray();
        assertThat(eval2).containsExactly(eval1);
        assertThat(train2).isNotEqualTo(train1);
    }

    @Test
    void probesValidateTheirOptionsAndInput() {
        assertThatThrownBy(() -> LinearProbe.builder().build()).hasMessageContaining("numClasses");
        assertThatThrownBy(() -> MlpProbe.builder().setNumClasses(3).optDropout(1f).build())
                .hasMessageContaining("dropout");
        LinearProbe probe = LinearProbe.builder().setNumClasses(3).build();
        assertThatThrownBy(() -> probe.getOutputShapes(new Shape[] {new Shape(2, 4, 1, 1)}))
                .hasMessageContaining("N×R");
    }

    private static float[] value(Block block, String path) {
        assertThat(block.getParameters().keys()).contains(path);
        return block.getParameters().get(path).getArray().toFloatArray();
    }

    private static void assertWithin(float[] values, double bound) {
        float max = 0;
        for (float v : values) {
            assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
            max = Math.max(max, Math.abs(v));
        }
        assertThat((double) max).isGreaterThan(bound / 2);
    }
}
