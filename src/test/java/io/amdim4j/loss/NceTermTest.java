package io.amdim4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.amdim4j.WithNDManager;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One directed NCE term (spec §3.2) against the slow double loop of {@link SlowNce}. */
class NceTermTest extends WithNDManager {

    static Stream<Arguments> grid() {
        Stream.Builder<Arguments> grid = Stream.builder();
        for (int n : new int[] {2, 3, 6}) {
            for (int r : new int[] {1, 8}) {
                for (int l : new int[] {1, 5}) {
                    for (double tclip : new double[] {2, 20}) {
                        grid.add(Arguments.of(n, r, l, tclip));
                    }
                }
            }
        }
        return grid.build();
    }

    @ParameterizedTest(name = "N={0} R={1} L={2} c={3}")
    @MethodSource("grid")
    void matchesSlowLoopInFloat64(int n, int r, int l, double tclip) {
        Random random = new Random(31L * n + 7L * r + l);
        double[][] src = SlowNce.random(random, n, r, 4);
        double[][][] trg = SlowNce.random(random, n, r, l, 4);
        NceConfig config = new NceConfig(tclip, NceConfig.SCORE_REG_WEIGHT);

        NDArray srcArray = SlowNce.array(manager, src, DataType.FLOAT64);
        NDArray trgArray = SlowNce.array(manager, trg, DataType.FLOAT64);
        NceTerm.Result result = NceTerm.compute(srcArray, trgArray, config);

        assertThat(result.nce().getDouble()).isCloseTo(SlowNce.nce(src, trg, tclip), within(1e-10));
        assertThat(result.reg().getDouble())
                .isCloseTo(SlowNce.reg(src, trg, NceConfig.SCORE_REG_WEIGHT), within(1e-10));
        double[][] expected = SlowNce.perPositive(src, trg, tclip);
        NDArray perPositive = NceTerm.perPositiveLoss(NceTerm.scores(srcArray, trgArray), tclip);
        assertThat(perPositive.getShape()).isEqualTo(new Shape(n, l));
        double[] actual = perPositive.toDoubleArray();
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < l; k++) {
                assertThat(actual[a * l + k]).as("ℓ(%d,%d)", a, k).isCloseTo(expected[a][k], within(1e-10)).isPositive();
            }
        }
    }

    @Test
    void matchesSlowLoopInFloat32() {
        Random random = new Random(3);
        double[][] src = SlowNce.random(random, 5, 16, 3);
        double[][][] trg = SlowNce.random(random, 5, 16, 49, 3);
        NceTerm.Result result = NceTerm.compute(
                SlowNce.array(manager, src, DataType.FLOAT32),
                SlowNce.array(manager, trg, DataType.FLOAT32),
                NceConfig.defaults());
        assertThat(result.nce().getDataType()).isEqualTo(DataType.FLOAT32);
        double nce = SlowNce.nce(src, trg, NceConfig.TCLIP);
        double reg = SlowNce.reg(src, trg, NceConfig.SCORE_REG_WEIGHT);
        assertThat((double) result.nce().getFloat()).isCloseTo(nce, within(1e-5 * nce));
        assertThat((double) result.reg().getFloat()).isCloseTo(reg, within(1e-5 * reg));
    }

    @Test
    void scoresOfReducedPrecisionFeaturesAreFloat32() {
        Random random = new Random(5);
        double[][] src = SlowNce.random(random, 3, 4, 1);
        double[][][] trg = SlowNce.random(random, 3, 4, 5, 1);
        NDArray scores = NceTerm.scores(
                SlowNce.array(manager, src, DataType.FLOAT16), SlowNce.array(manager, trg, DataType.FLOAT16));
        assertThat(scores.getDataType()).isEqualTo(DataType.FLOAT32);
        NDArray exact = NceTerm.scores(
                SlowNce.array(manager, src, DataType.FLOAT64), SlowNce.array(manager, trg, DataType.FLOAT64));
        assertThat(exact.getDataType()).isEqualTo(DataType.FLOAT64);
        double[] expected = exact.toDoubleArray();
        double[] actual = scores.toType(DataType.FLOAT64, false).toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-2)); // fp16 inputs carry ~3 digits
        }
    }

    @Test
    void allZeroFeaturesGiveLogOfOnePlusNegatives() {
        int n = 4;
        for (int l : new int[] {1, 25, 49}) {
            NceTerm.Result result = NceTerm.compute(
                    manager.zeros(new Shape(n, 8), DataType.FLOAT64),
                    manager.zeros(new Shape(n, 8, l), DataType.FLOAT64),
                    NceConfig.defaults());
            assertThat(result.nce().getDouble()).isCloseTo(Math.log(1 + (n - 1) * l), within(1e-12));
            assertThat(result.reg().getDouble()).isZero();
        }
    }

    @Test
    void clippedLossStaysBoundedWhileRegulariserGrows() {
        Random random = new Random(11);
        double[][] src = SlowNce.random(random, 4, 8, 1);
        double[][][] trg = SlowNce.random(random, 4, 8, 25, 1);
        double bound = 2 * NceConfig.TCLIP + Math.log(1 + 3 * 25); // |Ŝ| ≤ c on both sides
        double previousReg = 0;
        for (double scale : new double[] {1, 10, 100, 1000}) {
            NceTerm.Result result = NceTerm.compute(
                    SlowNce.array(manager, src, DataType.FLOAT32).mul(scale),
                    SlowNce.array(manager, trg, DataType.FLOAT32).mul(scale),
                    NceConfig.defaults());
            float nce = result.nce().getFloat();
            float reg = result.reg().getFloat();
            assertThat(nce).as("scale %s", scale).isFinite().isPositive().isLessThan((float) bound);
            assertThat((double) reg).as("scale %s", scale).isGreaterThan(previousReg);
            previousReg = reg;
        }
    }

    @Test
    void rejectsSingleImage() {
        assertThatThrownBy(() -> NceTerm.compute(
                        manager.zeros(new Shape(1, 4)), manager.zeros(new Shape(1, 4, 25)), NceConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("N = 1");
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> NceTerm.compute(
                        manager.zeros(new Shape(3, 4)), manager.zeros(new Shape(3, 5, 25)), NceConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 4)")
                .hasMessageContaining("(3, 5, 25)");
        assertThatThrownBy(() -> NceTerm.compute(
                        manager.zeros(new Shape(3, 4, 1)), manager.zeros(new Shape(3, 4, 25)), NceConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("src N×R");
    }
}
