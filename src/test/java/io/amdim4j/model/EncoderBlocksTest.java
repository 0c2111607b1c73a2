package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import io.amdim4j.WithNDManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The building blocks of spec §2.2 against plain-Java versions of their formulas. */
class EncoderBlocksTest extends WithNDManager {

    private ParameterStore store;

    @BeforeEach
    void setUp() {
        store = new ParameterStore(manager, false);
        Engine.getInstance().setRandomSeed(99);
    }

    @Test
    void reflectPadMirrorsWithoutRepeatingTheEdge() {
        int n = 2, c = 2, h = 5, w = 6, p = 2;
        float[] x = random(n * c * h * w);
        float[] padded =
                StemConv.reflectPad(manager.create(x, new Shape(n, c, h, w)), p).toFloatArray();
        int ph = h + 2 * p, pw = w + 2 * p;
        assertThat(padded).hasSize(n * c * ph * pw);
        for (int b = 0; b < n * c; b++) {
            for (int i = 0; i < ph; i++) {
                for (int j = 0; j < pw; j++) {
                    int si = reflect(i - p, h);
                    int sj = reflect(j - p, w);
                    assertThat(padded[(b * ph + i) * pw + j])
                            .isEqualTo(x[(b * h + si) * w + sj]);
                }
            }
        }
    }

    @Test
    void freshResidualUnitIsMeanPoolingPlusZeroChannels() {
        int n = 2, cIn = 3, cOut = 5, side = 6, win = 2, s = 2;
        ResidualUnit unit =
                ResidualUnit.builder().setKernelSize(win).optStride(s).setOutChannels(cOut).build();
        Shape inShape = new Shape(n, cIn, side, side);
        unit.initialize(manager, DataType.FLOAT32, inShape);
        float[] x = random((int) inShape.size());
        NDArray y = unit.forward(store, new NDList(manager.create(x, inShape)), false).head();
        int out = (side - win) / s + 1;
        assertThat(y.getShape()).isEqualTo(new Shape(n, cOut, out, out));
        assertThat(unit.getOutputShapes(new Shape[] {inShape})[0]).isEqualTo(y.getShape());
        float[] actual = y.toFloatArray();
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < cOut; ch++) {
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < out; j++) {
                        double expected = 0;
                        if (ch < cIn) {
                            for (int di = 0; di < win; di++) {
                                for (int dj = 0; dj < win; dj++) {
                                    int r = i * s + di, col = j * s + dj;
                                    expected += x[((b * cIn + ch) * side + r) * side + col];
                                }
                            }
                            expected /= win * win;
                        }
                        float v = actual[((b * cOut + ch) * out + i) * out + j];
                        assertThat((double) v).isCloseTo(expected, within(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void residualUnitAddsTheBranchWhenK2IsNotZero() {
        // a 1×1 unit with K1 = K2 = identity gives y = ReLU(x) + x
        int c = 3;
        ResidualUnit unit = ResidualUnit.builder().setKernelSize(1).setOutChannels(c).build();
        Shape shape = new Shape(1, c, 2, 2);
        unit.initialize(manager, DataType.FLOAT32, shape);
        float[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        unit.conv1().getParameters().get("weight").getArray().set(identity);
        unit.conv2().getParameters().get("weight").getArray().set(identity);
        float[] x = random((int) shape.size());
        float[] y = unit.forward(store, new NDList(manager.create(x, shape)), false).head().toFloatArray();
        for (int i = 0; i < x.length; i++) {
            assertThat(y[i]).isCloseTo(Math.max(x[i], 0) + x[i], within(1e-6f));
        }
    }

    @Test
    void residualUnitRejectsNarrowingAndBadBuilders() {
        ResidualUnit unit = ResidualUnit.builder().setKernelSize(1).setOutChannels(2).build();
        assertThatThrownBy(() -> unit.getOutputShapes(new Shape[] {new Shape(1, 3, 4, 4)}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c_out ≥ c_in");
        assertThatThrownBy(() -> ResidualUnit.builder().setOutChannels(2).build())
                .hasMessageContaining("kernelSize");
        assertThatThrownBy(() -> ResidualBlock.builder().setKernelSize(2).setOutChannels(2).build())
                .hasMessageContaining("depth");
        assertThatThrownBy(() -> StemConv.builder().setKernelSize(3).build())
                .hasMessageContaining("outChannels");
        assertThatThrownBy(() -> EmbeddingHead.builder().build()).hasMessageContaining("outChannels");
    }

    @Test
    void stemConvPadsThenConvolvesThenRectifies() {
        StemConv stem =
                StemConv.builder().setKernelSize(5).optStride(2).optReflectPad(2).setOutChannels(4).build();
        Shape in = new Shape(2, 3, 16, 16);
        assertThat(stem.getOutputShapes(new Shape[] {in})[0]).isEqualTo(new Shape(2, 4, 8, 8));
        stem.initialize(manager, DataType.FLOAT32, in);
        NDArray y = stem.forward(store, new NDList(manager.randomNormal(in)), false).head();
        assertThat(y.getShape()).isEqualTo(new Shape(2, 4, 8, 8));
        assertThat(y.min().getFloat()).isZero();
        assertThat(y.max().getFloat()).isPositive();
    }

    @Test
    void batchNormKeepsNinetyPercentAndUsesTheUnbiasedVariance() {
        BatchNorm bn = AmdimBatchNorm.create();
        int n = 4, c = 3, hw = 5;
        Shape shape = new Shape(n, c, hw, 1);
        bn.initialize(manager, DataType.FLOAT32, shape);
        float[] x = random((int) shape.size());
        float[] y = bn.forward(store, new NDList(manager.create(x, shape)), true).head().toFloatArray();
        float[] runningMean = bn.getParameters().get("runningMean").getArray().toFloatArray();
        float[] runningVar = bn.getParameters().get("runningVar").getArray().toFloatArray();
        int m = n * hw;
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < hw; i++) {
                    sum += x[(b * c + ch) * hw + i];
                }
            }
            double mean = sum / m;
            double squares = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < hw; i++) {
                    double d = x[(b * c + ch) * hw + i] - mean;
                    squares += d * d;
                }
            }
            double biased = squares / m;
            double unbiased = squares / (m - 1);
            assertThat((double) runningMean[ch]).isCloseTo(0.1 * mean, within(1e-6));
            assertThat((double) runningVar[ch]).isCloseTo(0.9 + 0.1 * unbiased, within(1e-5));
            // training output: batch mean and biased variance, eps 1e-5
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < hw; i++) {
                    int k = (b * c + ch) * hw + i;
                    double expected = (x[k] - mean) / Math.sqrt(biased + 1e-5);
                    assertThat((double) y[k]).isCloseTo(expected, within(1e-4));
                }
            }
        }
        // inference output uses the running estimates
        float[] z = bn.forward(store, new NDList(manager.create(x, shape)), false).head().toFloatArray();
        for (int k = 0; k < x.length; k++) {
            int ch = (k / hw) % c;
            double expected = (x[k] - runningMean[ch]) / Math.sqrt(runningVar[ch] + 1e-5);
            assertThat((double) z[k]).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void freshHeadIsBatchNormOfTheBiasedShortcut() {
        int cIn = 3, r = 5, side = 2;
        EmbeddingHead head = EmbeddingHead.builder().setOutChannels(r).build();
        Shape in = new Shape(1, cIn, side, side);
        head.initialize(manager, DataType.FLOAT32, in);
        float[] x = random((int) in.size());
        float[] w = head.shortcut().getParameters().get("weight").getArray().toFloatArray();
        float[] bias = head.shortcut().getParameters().get("bias").getArray().toFloatArray();
        float[] y = head.forward(store, new NDList(manager.create(x, in)), false).head().toFloatArray();
        int hw = side * side;
        for (int o = 0; o < r; o++) {
            for (int l = 0; l < hw; l++) {
                double s = bias[o];
                for (int i = 0; i < cIn; i++) {
                    s += w[o * cIn + i] * x[i * hw + l];
                }
                // K2 = 0 and BN_out in inference mode with running mean 0, variance 1
                assertThat((double) y[o * hw + l]).isCloseTo(s / Math.sqrt(1 + 1e-5), within(1e-5));
            }
        }
        assertThatThrownBy(() -> head.getOutputShapes(new Shape[] {new Shape(1, 6, 2, 2)}))
                .hasMessageContaining("R ≥ C");
    }

    private static int reflect(int i, int size) {
        if (i < 0) {
            return -i;
        }
        return i >= size ? 2 * (size - 1) - i : i;
    }

    private float[] random(int size) {
        return manager.randomNormal(new Shape(size)).toFloatArray();
    }
}
