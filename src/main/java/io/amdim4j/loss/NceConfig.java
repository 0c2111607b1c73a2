package io.amdim4j.loss;

/**
 * Settings of the NCE loss of spec §3.
 *
 * @param tclip soft-clip bound c of the scores, Ŝ = c·tanh(S/c) (spec §3.2 step 3, §9 #2)
 * @param scoreRegWeight weight λ of the score regulariser λ·mean(S²) (spec §3.2 step 2, §9 #1)
 */
public record NceConfig(double tclip, double scoreRegWeight) {

    /** Clip bound c = 20: the reference model's default (spec §3.2, §9 #2). */
    public static final double TCLIP = 20.0;

    /** λ = 0.05 of the reference implementation (spec §3.2, §9 #1). */
    public static final double SCORE_REG_WEIGHT = 0.05;

    /** λ = 0.04 reported for the paper (spec §9 #1), available as an option. */
    static final double PAPER_SCORE_REG_WEIGHT = 0.04;

    public NceConfig {
        if (!(tclip > 0) || !Double.isFinite(tclip)) {
            throw new IllegalArgumentException("tclip must be positive and finite, got " + tclip);
        }
        if (!(scoreRegWeight >= 0) || !Double.isFinite(scoreRegWeight)) {
            throw new IllegalArgumentException(
                    "scoreRegWeight must be non-negative and finite, got " + scoreRegWeight);
        }
    }

    /** The reference defaults: c = 20, λ = 0.05. */
    public static NceConfig defaults() {
        return new NceConfig(TCLIP, SCORE_REG_WEIGHT);
    }

    /** A copy with another clip bound c. */
    public NceConfig withTclip(double newTclip) {
        return new NceConfig(newTclip, scoreRegWeight);
    }

    /** A copy with another regulariser weight λ. */
    public NceConfig withScoreRegWeight(double newScoreRegWeight) {
        return new NceConfig(tclip, newScoreRegWeight);
    }
}
