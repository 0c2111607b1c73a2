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

    /**
     * Checks both numbers, naming the bad one.
     *
     * @param tclip c, positive and finite
     * @param scoreRegWeight λ, non-negative and finite
     * @throws IllegalArgumentException if c is not positive and finite or λ is negative or not finite
     */
    public NceConfig {
        if (!(tclip > 0) || !Double.isFinite(tclip)) {
            throw new IllegalArgumentException("tclip must be positive and finite, got " + tclip);
        }
        if (!(scoreRegWeight >= 0) || !Double.isFinite(scoreRegWeight)) {
            throw new IllegalArgumentException(
                    "scoreRegWeight must be non-negative and finite, got " + scoreRegWeight);
        }
    }

    /**
     * The reference defaults: c = 20, λ = 0.05.
     *
     * @return the default settings
     */
    public static NceConfig defaults() {
        return new NceConfig(TCLIP, SCORE_REG_WEIGHT);
    }

    /**
     * A copy with another clip bound c.
     *
     * @param newTclip the bound, positive and finite
     * @return the copy
     * @throws IllegalArgumentException if the bound is out of range
     */
    public NceConfig withTclip(double newTclip) {
        return new NceConfig(newTclip, scoreRegWeight);
    }

    /**
     * A copy with another regulariser weight λ, e.g. the paper's 0.04 (spec §9 #1).
     *
     * @param newScoreRegWeight the weight, non-negative and finite; 0 switches the regulariser off
     * @return the copy
     * @throws IllegalArgumentException if the weight is out of range
     */
    public NceConfig withScoreRegWeight(double newScoreRegWeight) {
        return new NceConfig(tclip, newScoreRegWeight);
    }
}
