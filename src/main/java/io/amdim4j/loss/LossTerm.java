package io.amdim4j.loss;

/**
 * The named terms of the pre-training loss, in the order they are logged and drawn: the one place a
 * term is declared. As DJL's {@code AbstractCompositeLoss} keeps one accumulator per component and
 * solo-learn logs a dictionary, the step, the NaN guard, {@code metrics.jsonl}, the progress bar
 * and the report's curves iterate over these constants. Adding a term is one constant here plus
 * its math, which puts the value into {@link Losses} under the constant.
 *
 * <p>Additive terms sum, in this order, to the loss that is backpropagated (ℒ_inf + ℒ_cls, spec
 * §3.3); the others are measured and logged only.
 */
public enum LossTerm {

    /** L_1t5 of spec §3.3; the ½-averaged ℒ_mix(1→5) of §4.2 when that is mixed. */
    LOSS_1T5("loss_1t5", "L_1t5", true, Chart.NCE,
            "1->5 NCE, both directions averaged (spec §3.3; the mixture loss of §4.2 with mixtures)"),

    /** L_1t7 of spec §3.3; the ½-averaged ℒ_mix(1→7) of §4.2 with mixtures. */
    LOSS_1T7("loss_1t7", "L_1t7", true, Chart.NCE,
            "1->7 NCE, both directions averaged (spec §3.3; the mixture loss of §4.2 with mixtures)"),

    /** L_5t5 of spec §3.3 (never mixed, §4.2). */
    LOSS_5T5("loss_5t5", "L_5t5", true, Chart.NCE,
            "5->5 NCE from one random 5x5 location, both directions averaged (spec §3.1, §3.3)"),

    /** R_score of spec §3.3. */
    SCORE_REG("score_reg", "R_score", true, Chart.SCORE_REG,
            "score regulariser, half the sum of the directed lambda*mean(S^2) (spec §3.2, §3.3)"),

    /** ℒ_cls of spec §6.1, which reaches no encoder parameter. */
    PROBE_LOSS("probe_loss", "L_cls", true, Chart.PROBE,
            "clipped cross-entropy of the MLP and linear online probes on the detached r1 (spec §6.1)"),

    /** Mean over consequents of Σ_j q·s_j (spec §4.2), averaged over the mixed directed terms. */
    MIXTURE_SCORE("mixture_weighted_score", "E_q[s]", false, Chart.MIXTURE_SCORE,
            "q-weighted NCE score of the mixture components, sum_j q_j*s_j, mean over consequents (spec §4.2)"),

    /** Mean over consequents of H(q) (spec §4.2), averaged over the mixed directed terms. */
    MIXTURE_ENTROPY("mixture_entropy", "H(q)", false, Chart.MIXTURE_ENTROPY,
            "entropy of the component weights q, mean over consequents; log k when all components agree (spec §4.2)");

    /**
     * A figure of the report that draws one or more terms.
     *
     * @param file PNG name in the report directory
     * @param title figure title
     * @param axis value axis label
     */
    public record Chart(String file, String title, String axis) {

        static final Chart NCE = new Chart("nce-terms.png", "NCE terms (spec §3.3)", "NCE loss");
        static final Chart SCORE_REG =
                new Chart("score-reg.png", "Score regulariser R_score (spec §3.2)", "R_score");
        static final Chart PROBE =
                new Chart("probe-loss.png", "Online probe loss L_cls, MLP + linear (spec §6.1)", "L_cls");
        static final Chart MIXTURE_SCORE = new Chart("mixture-score.png",
                "Mixture: q-weighted component score E_q[s] (spec §4.2)", "E_q[s]");
        static final Chart MIXTURE_ENTROPY = new Chart("mixture-entropy.png",
                "Mixture: entropy H(q) of the component weights (spec §4.2)", "H(q) (nats)");
    }

    private final String key;
    private final String symbol;
    private final boolean additive;
    private final Chart chart;
    private final String meaning;

    LossTerm(String key, String symbol, boolean additive, Chart chart, String meaning) {
        this.key = key;
        this.symbol = symbol;
        this.additive = additive;
        this.chart = chart;
        this.meaning = meaning;
    }

    /**
     * The term's key in {@code metrics.jsonl} (snake_case, stable across versions).
     *
     * @return e.g. {@code loss_1t5}
     */
    public String key() {
        return key;
    }

    /**
     * Short ASCII name for legends and the progress bar.
     *
     * @return e.g. {@code L_1t5}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Whether the term adds into the backpropagated total.
     *
     * @return true for the NCE terms, the score regulariser and the probe loss
     */
    public boolean additive() {
        return additive;
    }

    /**
     * The report figure that draws this term.
     *
     * @return the figure, shared by terms drawn together
     */
    public Chart chart() {
        return chart;
    }

    /**
     * What the term measures, in one line.
     *
     * @return a sentence citing the spec section
     */
    public String meaning() {
        return meaning;
    }
}
