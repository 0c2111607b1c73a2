package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import io.amdim4j.WithNDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mixture network m_k of spec §4.2. */
class MixtureHeadTest extends WithNDManager {

    @BeforeEach
    void open() {
        manager.getEngine().setRandomSeed(7);
    }

    @Test
    void outputShapeIsArithmetic() {
        MixtureHead head = MixtureHead.builder().setNRkhs(16).setComponents(4).build();
        assertThat(head.getOutputShapes(new Shape[] {new Shape(10, 16)})).containsExactly(new Shape(10, 4, 16));
        assertThat(head.getHidden()).isEqualTo(16);
        assertThat(MixtureHead.builder().setNRkhs(16).setComponents(2).optHidden(5).build().getHidden())
                .isEqualTo(5);
    }

    @Test
    void parameterShapesAndCountFollowTheSpec() {
        long r = 6;
        long h = 5;
        int k = 3;
        MixtureHead head = MixtureHead.builder().setNRkhs(r).setComponents(k).optHidden(h).build();
        head.initialize(manager, DataType.FLOAT32, new Shape(2, r));
        ParameterList parameters = head.getParameters();
        assertThat(parameters.get("weight_a").getShape()).isEqualTo(new Shape(h, r));
        assertThat(parameters.get("bias_a").getShape()).isEqualTo(new Shape(h));
        assertThat(parameters.get("weight_b").getShape()).isEqualTo(new Shape(k * r, h));
        assertThat(parameters.get("bias_b").getShape()).isEqualTo(new Shape(k * r));
        long count = parameters.values().stream().mapToLong(p -> p.getShape().size()).sum();
        assertThat(count).isEqualTo(h * r + h + k * r * h + k * r);
    }

    @Test
    void everyParameterStartsUniformWithinOneOverRootFanIn() {
        int r = 64;
        int h = 16;
        MixtureHead head = MixtureHead.builder().setNRkhs(r).setComponents(4).optHidden(h).build();
        head.initialize(manager, DataType.FLOAT32, new Shape(2, r));
        checkUniform(head.getParameters().get("weight_a"), 1 / Math.sqrt(r));
        checkUniform(head.getParameters().get("bias_a"), 1 / Math.sqrt(r));
        checkUniform(head.getParameters().get("weight_b"), 1 / Math.sqrt(h));
        checkUniform(head.getParameters().get("bias_b"), 1 / Math.sqrt(h));
    }

    private static void checkUniform(Parameter parameter, double bound) {
        float[] values = parameter.getArray().toFloatArray();
        double max = 0;
        double sum = 0;
        for (float v : values) {
            assertThat((double) Math.abs(v)).as(parameter.getName()).isLessThanOrEqualTo(bound);
            max = Math.max(max, Math.abs(v));
            sum += v;
        }
        // U(±b) of ≥ 16 values: the largest |v| exceeds b/2 unless all 16 fall inside (prob 2^-16),
        // and the mean is near 0.
        assertThat(max).as(parameter.getName() + " spread").isGreaterThan(bound / 2);
        assertThat(Math.abs(sum / values.length)).as(parameter.getName() + " mean").isLessThan(bound / 2);
    }

    @Test
    void forwardIsResidualPlusOneHiddenReluLayer() {
        int n = 3;
        int r = 4;
        int h = 5;
        int k = 2;
        MixtureHead head = MixtureHead.builder().setNRkhs(r).setComponents(k).optHidden(h).build();
        head.initialize(manager, DataType.FLOAT32, new Shape(n, r));
        NDArray r1 = manager.randomNormal(new Shape(n, r));
        NDArray f = head.forward(new ParameterStore(manager, false), new NDList(r1), false).singletonOrThrow();
        assertThat(f.getShape()).isEqualTo(new Shape(n, k, r));

        float[] x = r1.toFloatArray();
        float[] wa = head.getParameters().get("weight_a").getArray().toFloatArray();
        float[] ba = head.getParameters().get("bias_a").getArray().toFloatArray();
        float[] wb = head.getParameters().get("weight_b").getArray().toFloatArray();
        float[] bb = head.getParameters().get("bias_b").getArray().toFloatArray();
        float[] actual = f.toFloatArray();
        for (int a = 0; a < n; a++) {
            double[] hidden = new double[h];
            for (int i = 0; i < h; i++) {
                double z = ba[i];
                for (int c = 0; c < r; c++) {
                    z += wa[i * r + c] * x[a * r + c];
                }
                hidden[i] = Math.max(0, z);
            }
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < r; c++) {
                    int row = j * r + c; // chunk j of Δ
                    double delta = bb[row];
                    for (int i = 0; i < h; i++) {
                        delta += wb[row * h + i] * hidden[i];
                    }
                    assertThat((double) actual[(a * k + j) * r + c])
                            .as("f^%d[%d][%d]", j, a, c)
                            .isCloseTo(x[a * r + c] + delta, within(1e-5));
                }
            }
        }
    }

    @Test
    void componentsDifferAtInitialisation() {
        MixtureHead head = MixtureHead.builder().setNRkhs(8).setComponents(3).build();
        head.initialize(manager, DataType.FLOAT32, new Shape(4, 8));
        NDArray f = head.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(new Shape(4, 8))), false)
                .singletonOrThrow();
        NDArray first = f.get(":, 0, :");
        for (int j = 1; j < 3; j++) {
            assertThat(f.get(":, " + j + ", :").sub(first).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    @Test
    void savedParametersLoadIntoAnEqualBlock() throws IOException, ai.djl.MalformedModelException {
        MixtureHead head = MixtureHead.builder().setNRkhs(6).setComponents(2).build();
        head.initialize(manager, DataType.FLOAT32, new Shape(3, 6));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        head.saveParameters(new DataOutputStream(bytes));

        MixtureHead copy = MixtureHead.builder().setNRkhs(6).setComponents(2).build();
        copy.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        NDArray r1 = manager.randomNormal(new Shape(3, 6));
        ParameterStore store = new ParameterStore(manager, false);
        assertThat(copy.forward(store, new NDList(r1), false).singletonOrThrow().toFloatArray())
                .containsExactly(head.forward(store, new NDList(r1), false).singletonOrThrow().toFloatArray());

        MixtureHead other = MixtureHead.builder().setNRkhs(6).setComponents(3).build();
        assertThatThrownBy(() -> other.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                .hasMessageContaining("k=2")
                .hasMessageContaining("k=3");
    }

    @Test
    void rejectsBadSettingsAndInputs() {
        assertThatThrownBy(() -> MixtureHead.builder().setNRkhs(8).setComponents(0).build()).hasMessageContaining("components");
        assertThatThrownBy(() -> MixtureHead.builder().setComponents(2).build()).hasMessageContaining("nRkhs");
        assertThatThrownBy(() -> MixtureHead.builder().setNRkhs(8).setComponents(2).optHidden(-1).build())
                .hasMessageContaining("hidden");
        MixtureHead head = MixtureHead.builder().setNRkhs(8).setComponents(2).build();
        assertThatThrownBy(() -> head.initialize(manager, DataType.FLOAT32, new Shape(4, 7)))
                .hasMessageContaining("N×8")
                .hasMessageContaining("(4, 7)");
    }
}
