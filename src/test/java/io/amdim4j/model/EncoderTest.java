package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.amdim4j.WithNDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The encoder on the engine: parameters, shapes and initialisation (spec §2.2–§2.5). */
class EncoderTest extends WithNDManager {

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(1234);
    }

    @ParameterizedTest(name = "{0} px, C_in={1}, F={2}, R={3}, d={4}, bn={5}")
    @CsvSource({
        "32, 3, 8, 64, 2, false",
        "32, 1, 8, 32, 1, true",
        "32, 3, 4, 20, 3, true",
        "64, 3, 4, 40, 2, false",
        "64, 1, 4, 32, 2, true",
        "128, 3, 2, 16, 1, false",
        "128, 3, 2, 16, 2, true"
    })
    void engineParametersMatchArithmeticCountAndShapes(
            int size, int cIn, int f, int r, int d, boolean bn) {
        EncoderConfig config = new EncoderConfig(size, cIn, f, r, d, bn);
        Encoder encoder = initialised(config, 2);
        assertThat(trainableParameters(encoder)).isEqualTo(encoder.summary().encoderParameters());

        NDArray x = manager.randomNormal(encoder.inputShape(2));
        NDList out = encoder.forward(new ParameterStore(manager, false), new NDList(x), true);
        int s5 = Encoder.R5_SIDE;
        int s7 = Encoder.R7_SIDE;
        Shape[] expected = {new Shape(2, r), new Shape(2, r, s5, s5), new Shape(2, r, s7, s7)};
        assertThat(out.getShapes()).containsExactly(expected);
        assertThat(encoder.getOutputShapes(new Shape[] {encoder.inputShape(2)}))
                .containsExactly(expected);
    }

    @Test
    void defaultEncoderHasTheSpecCountOnTheEngine() {
        Encoder encoder = initialised(EncoderConfig.defaults(32), 1);
        assertThat(trainableParameters(encoder)).isEqualTo(20_033_024L);
    }

    @Test
    void outputShapesNeedNoEngine() {
        Encoder encoder = Encoder.builder().setConfig(EncoderConfig.imagenetLarge()).build();
        Shape[] shapes = encoder.getOutputShapes(new Shape[] {encoder.inputShape(480)});
        assertThat(shapes)
                .containsExactly(
                        new Shape(480, 2560), new Shape(480, 2560, 5, 5), new Shape(480, 2560, 7, 7));
        assertThat(encoder.isInitialized()).isFalse();
    }

    @Test
    void unusedBatchNormsAreNotCreated() {
        EncoderConfig config = new EncoderConfig(32, 3, 8, 64, 3, false);
        assertThat(countBatchNorms(Encoder.builder().setConfig(config).build())).isEqualTo(3);
        // use_bn: BN1 in every unit (1 + 3·4 + 1 = 14 units), OBN, final BN, BN_hid and BN_out ×2
        assertThat(countBatchNorms(Encoder.builder().setConfig(config.withUseBn(true)).build()))
                .isEqualTo(14 + 1 + 1 + 4);
    }

    @Test
    void rejectsInputOfTheWrongSize() {
        Encoder encoder = Encoder.builder().setConfig(EncoderConfig.defaults(32)).build();
        assertThatThrownBy(() -> encoder.getOutputShapes(new Shape[] {new Shape(2, 3, 28, 28)}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("N×3×32×32")
                .hasMessageContaining("(2, 3, 28, 28)");
    }

    @Test
    void freshEncoderGivesExactZerosInTheAppendedChannelsOfR1() {
        EncoderConfig config = new EncoderConfig(32, 3, 8, 64, 2, false);
        Encoder encoder = initialised(config, 3);
        NDArray x = manager.randomNormal(encoder.inputShape(3));
        ParameterStore store = new ParameterStore(manager, false);
        for (boolean training : new boolean[] {false, true}) {
            float[] r1 = encoder.forward(store, new NDList(x), training).get(Encoder.R1).toFloatArray();
            int c = config.headChannels();
            for (int n = 0; n < 3; n++) {
                float maxAbsLive = 0;
                for (int ch = 0; ch < config.nRkhs(); ch++) {
                    float v = r1[n * config.nRkhs() + ch];
                    if (ch >= c) {
                        assertThat(v).as("r1[%d, %d], training=%s", n, ch, training).isZero();
                    } else {
                        maxAbsLive = Math.max(maxAbsLive, Math.abs(v));
                    }
                }
                assertThat(maxAbsLive).as("channels below 4F carry signal").isPositive();
            }
        }
    }

    @Test
    void initialisationFollowsSection24() {
        EncoderConfig config = new EncoderConfig(32, 3, 8, 64, 2, true);
        Encoder encoder = initialised(config, 2);
        int headC = config.headChannels();
        for (Pair<String, Parameter> pair : encoder.getParameters()) {
            String path = pair.getKey();
            Parameter p = pair.getValue();
            float[] v = p.getArray().toFloatArray();
            Shape shape = p.getArray().getShape();
            if (path.endsWith("conv2_weight")) {
                assertThat(v).as(path).containsOnly(0f);
            } else if (path.endsWith("shortcut_weight")) {
                assertIdentityPlusNoise(path, v, shape);
            } else if (path.endsWith("shortcut_bias")) {
                assertUniform(path, v, 1 / Math.sqrt(headC));
            } else if (path.endsWith("weight")) {
                // K1 of units and heads, and stem weights: U(±1/√fan_in)
                assertUniform(path, v, 1 / Math.sqrt(shape.size() / shape.get(0)));
            } else if (path.endsWith("bias")) {
                // the stem biases: U(±1/√(c_in·k·k))
                long fanIn = path.startsWith("01") ? 3 * 3 * 3 : 0;
                assertThat(fanIn).as(path + " is a stem bias").isPositive();
                assertUniform(path, v, 1 / Math.sqrt(fanIn));
            } else if (path.endsWith("gamma") || path.endsWith("runningVar")) {
                assertThat(v).as(path).containsOnly(1f);
            } else if (path.endsWith("beta") || path.endsWith("runningMean")) {
                assertThat(v).as(path).containsOnly(0f);
            } else {
                throw new AssertionError("unexpected parameter " + path);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameEncoder() {
        EncoderConfig config = new EncoderConfig(32, 3, 4, 16, 1, false);
        Engine.getInstance().setRandomSeed(7);
        float[] a = allValues(initialised(config, 1));
        Engine.getInstance().setRandomSeed(7);
        float[] b = allValues(initialised(config, 1));
        Engine.getInstance().setRandomSeed(8);
        float[] c = allValues(initialised(config, 1));
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void firstUpdateGivesZeroGradientToK1AndNonzeroToK2() {
        EncoderConfig config = new EncoderConfig(32, 3, 4, 16, 1, false);
        Encoder encoder = initialised(config, 4);
        NDArray x = manager.randomNormal(encoder.inputShape(4));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = encoder.forward(new ParameterStore(manager, false), new NDList(x), true);
            NDArray loss = out.get(Encoder.R1).mul(manager.randomNormal(new Shape(4, 16))).sum()
                    .add(out.get(Encoder.R5).mul(manager.randomNormal(new Shape(4, 16, 5, 5))).sum());
            collector.backward(loss);
        }
        // the unit layer_list.7 (trunk child 07 without OBN): K1 gets no gradient, K2 does
        Parameter k1 = encoder.getParameters().get("07layer_list_01conv1_weight");
        Parameter k2 = encoder.getParameters().get("07layer_list_02conv2_weight");
        assertThat(k1.getArray().getGradient().abs().max().getFloat()).isZero();
        assertThat(k2.getArray().getGradient().abs().max().getFloat()).isPositive();
    }

    @Test
    void djlParameterFileRoundTripsIntoAnEncoderBuiltFromTheSameConfig() throws Exception {
        EncoderConfig config = new EncoderConfig(32, 3, 4, 16, 2, true);
        Encoder original = initialised(config, 2);
        NDArray x = manager.randomNormal(original.inputShape(2));
        ParameterStore store = new ParameterStore(manager, false);
        original.forward(store, new NDList(x), true); // moves the running statistics off 0/1
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.saveParameters(new DataOutputStream(bytes));

        Engine.getInstance().setRandomSeed(999);
        Encoder restored = Encoder.builder().setConfig(config).build();
        restored.loadParameters(
                manager,
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(allValues(restored)).containsExactly(allValues(original));
        float[] a = original.forward(store, new NDList(x), false).get(Encoder.R5).toFloatArray();
        float[] b = restored.forward(store, new NDList(x), false).get(Encoder.R5).toFloatArray();
        assertThat(b).containsExactly(a);
    }

    private Encoder initialised(EncoderConfig config, int batch) {
        Encoder encoder = Encoder.builder().setConfig(config).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(batch));
        return encoder;
    }

    static long trainableParameters(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    private static int countBatchNorms(Block block) {
        int own = block instanceof BatchNorm ? 1 : 0;
        return own + block.getChildren().values().stream().mapToInt(EncoderTest::countBatchNorms).sum();
    }

    private static float[] allValues(Block block) {
        List<Float> values = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            for (float v : p.getArray().toFloatArray()) {
                values.add(v);
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static void assertIdentityPlusNoise(String path, float[] v, Shape shape) {
        long rows = shape.get(0);
        long cols = shape.get(1);
        float maxNoise = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float w = v[(int) (i * cols + j)];
                if (i == j) {
                    assertThat(w).as("%s[%d, %d]", path, i, j).isEqualTo(1f);
                } else {
                    assertThat(Math.abs(w)).as("%s[%d, %d]", path, i, j)
                            .isLessThanOrEqualTo(IdentityNoiseInitializer.NOISE);
                    maxNoise = Math.max(maxNoise, Math.abs(w));
                }
            }
        }
        assertThat(maxNoise).as(path + " has noise").isGreaterThan(IdentityNoiseInitializer.NOISE / 2);
    }

    /** All values within ±bound, and spread over most of the interval (not a constant). */
    private static void assertUniform(String path, float[] v, double bound) {
        float max = 0;
        for (float w : v) {
            assertThat((double) Math.abs(w)).as(path).isLessThanOrEqualTo(bound);
            max = Math.max(max, Math.abs(w));
        }
        if (v.length >= 8) {
            assertThat((double) max).as(path + " spread").isGreaterThan(bound / 2);
        }
    }
}
