package io.amdim4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.amdim4j.WithNDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loss as an ordered list of named terms: the declaration, the order, and the total. */
class LossesTest extends WithNDManager {

    @Test
    void theDeclarationKeepsTheKeysEarlierRunsWroteInTheirOrder() {
        assertThat(Arrays.stream(LossTerm.values()).map(LossTerm::key)).containsExactly(
                "loss_1t5", "loss_1t7", "loss_5t5", "score_reg", "probe_loss",
                "mixture_weighted_score", "mixture_entropy");
        assertThat(Arrays.stream(LossTerm.values()).filter(LossTerm::additive))
                .containsExactly(LossTerm.LOSS_1T5, LossTerm.LOSS_1T7, LossTerm.LOSS_5T5, LossTerm.SCORE_REG,
                        LossTerm.PROBE_LOSS);
        for (LossTerm t : LossTerm.values()) {
            assertThat(t.key()).matches("[a-z0-9_]+");
            assertThat(t.symbol()).as(t.key()).isNotBlank().matches("\\p{ASCII}+"); // progress bar is ASCII
            assertThat(t.meaning()).as(t.key()).contains("spec §");
            assertThat(t.chart().file()).as(t.key()).endsWith(".png");
        }
        assertThat(Arrays.stream(LossTerm.values()).map(LossTerm::symbol).distinct()).hasSize(LossTerm.values().length);
    }

    @Test
    void termsComeInDeclarationOrderAndTheTotalIsTheSumOfTheAdditiveOnes() {
        // put in reverse order: the list still follows the declaration
        Losses losses = Losses.builder()
                .put(LossTerm.MIXTURE_ENTROPY, scalar(0.7))
                .put(LossTerm.PROBE_LOSS, scalar(2.0))
                .put(LossTerm.SCORE_REG, scalar(0.25))
                .put(LossTerm.LOSS_1T5, scalar(3.0))
                .build();
        assertThat(losses.terms().keySet()).containsExactly(
                LossTerm.LOSS_1T5, LossTerm.SCORE_REG, LossTerm.PROBE_LOSS, LossTerm.MIXTURE_ENTROPY);
        assertThat(losses.total().getDouble()).isEqualTo(3.0 + 0.25 + 2.0); // H(q) is logged, not added

        LossValues read = losses.read();
        assertThat(read.total()).isEqualTo(5.25);
        assertThat(read.byKey()).containsExactly(Map.entry("loss_1t5", 3.0), Map.entry("score_reg", 0.25),
                Map.entry("probe_loss", 2.0), Map.entry("mixture_entropy", 0.7));
        assertThat(read.isFinite()).isTrue();
        assertThatThrownBy(() -> losses.get(LossTerm.LOSS_1T7)).hasMessageContaining("no term loss_1t7");
    }

    @Test
    void withAddsATermIntoTheTotal() {
        Losses nce = Losses.builder().put(LossTerm.LOSS_1T5, scalar(1.5)).put(LossTerm.LOSS_5T5, scalar(2.5)).build();
        Losses all = nce.with(LossTerm.PROBE_LOSS, scalar(4.0));
        assertThat(nce.total().getDouble()).isEqualTo(4.0);
        assertThat(all.total().getDouble()).isEqualTo(8.0);
        assertThat(all.terms().keySet()).containsExactly(LossTerm.LOSS_1T5, LossTerm.LOSS_5T5, LossTerm.PROBE_LOSS);
    }

    @Test
    void aTermIsOneScalarGivenOnce() {
        assertThatThrownBy(() -> Losses.builder().put(LossTerm.LOSS_1T5, manager.zeros(new Shape(3))))
                .hasMessageContaining("loss_1t5").hasMessageContaining("scalar");
        assertThatThrownBy(() -> Losses.builder().put(LossTerm.SCORE_REG, scalar(1)).put(LossTerm.SCORE_REG, scalar(2)))
                .hasMessageContaining("score_reg").hasMessageContaining("twice");
        assertThatThrownBy(() -> Losses.builder().put(LossTerm.MIXTURE_ENTROPY, scalar(1)).build().total())
                .hasMessageContaining("no additive");
    }

    @Test
    void nonFiniteTermsAreNamedInOrder() {
        LossValues values = Losses.builder()
                .put(LossTerm.LOSS_1T5, scalar(1))
                .put(LossTerm.LOSS_1T7, scalar(Double.NaN))
                .put(LossTerm.SCORE_REG, scalar(Double.POSITIVE_INFINITY))
                .build().read();
        assertThat(values.isFinite()).isFalse();
        assertThat(values.nonFinite()).containsExactly(LossTerm.LOSS_1T7, LossTerm.SCORE_REG);
    }

    @Test
    void theNceLossGivesItsFourTermsAndTheMixtureLossAddsItsLoggedOnes() {
        int n = 3;
        NDList x1 = view(n);
        NDList x2 = view(n);
        int[] loc = {1, 5, 24};
        Losses plain = new MultiscaleNceLoss(NceConfig.defaults()).compute(x1, x2, loc, loc);
        assertThat(plain.terms().keySet()).containsExactly(
                LossTerm.LOSS_1T5, LossTerm.LOSS_1T7, LossTerm.LOSS_5T5, LossTerm.SCORE_REG);
        assertThat(plain.total().getDouble()).isCloseTo(sumOfAdditive(plain), within(1e-12));

        NDArray m1 = normal(new Shape(n, 2, 6));
        NDArray m2 = normal(new Shape(n, 2, 6));
        Losses mixed = new MixtureNceLoss(NceConfig.defaults(), MixtureConfig.of(true, 2, 1.0))
                .compute(x1, x2, m1, m2, loc, loc);
        assertThat(mixed.terms().keySet()).containsExactly(LossTerm.LOSS_1T5, LossTerm.LOSS_1T7, LossTerm.LOSS_5T5,
                LossTerm.SCORE_REG, LossTerm.MIXTURE_SCORE, LossTerm.MIXTURE_ENTROPY);
        assertThat(mixed.total().getDouble()).isCloseTo(sumOfAdditive(mixed), within(1e-12));
        double entropy = mixed.get(LossTerm.MIXTURE_ENTROPY).getDouble();
        assertThat(entropy).isBetween(0.0, Math.log(2) + 1e-12);
    }

    private static double sumOfAdditive(Losses losses) {
        List<Double> additive = losses.terms().entrySet().stream().filter(e -> e.getKey().additive())
                .map(e -> e.getValue().getDouble()).toList();
        assertThat(additive).hasSizeGreaterThan(1);
        return additive.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** [r1, r5, r7] of one view with R = 6, standard normal. */
    private NDList view(int n) {
        return new NDList(normal(new Shape(n, 6)), normal(new Shape(n, 6, 5, 5)), normal(new Shape(n, 6, 7, 7)));
    }

    private NDArray normal(Shape shape) {
        return manager.randomNormal(0, 1, shape, DataType.FLOAT64);
    }

    private NDArray scalar(double v) {
        return manager.create(v);
    }
}
