package io.amdim4j.loss;

/**
 * Settings of the mixture-based representations of spec §4.2 (paper Sec. 3.7), off by default.
 *
 * @param enabled whether training uses {@link MixtureNceLoss} instead of {@link MultiscaleNceLoss}
 * @param components number k of mixture features per antecedent
 * @param tau inverse temperature τ of q = softmax_j(τ·s_j) (spec §4.1 Eq. 7)
 * @param alpha weight α of the entropy bonus; α = 1/τ makes Eq. (7) the maximiser of Eq. (6)
 * @param mixOneToFive whether 1→5 uses the mixture loss too (spec §4.2 design decision); when
 *     false only 1→7 does (the paper's Eq. 6) and 1→5 keeps the §3 loss
 */
public record MixtureConfig(boolean enabled, int components, double tau, double alpha, boolean mixOneToFive) {

    /** k = 4 (spec §4.2 defaults). */
    static final int COMPONENTS = 4;

    /** τ = 1 (spec §4.2 defaults). */
    public static final double TAU = 1.0;

    /**
     * Checks the numbers, naming the bad one.
     *
     * @param enabled whether the mixture loss is used
     * @param components k, at least 1
     * @param tau τ, positive and finite
     * @param alpha α, non-negative and finite
     * @param mixOneToFive whether 1→5 is mixed too
     * @throws IllegalArgumentException if k &lt; 1, τ is not positive and finite, or α is negative or
     *     not finite
     */
    public MixtureConfig {
        if (components < 1) {
            throw new IllegalArgumentException("mixture components k must be >= 1, got " + components);
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("mixture tau must be positive and finite, got " + tau);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("mixture alpha must be non-negative and finite, got " + alpha);
        }
    }

    /**
     * Off, k = 4, τ = 1, α = 1/τ, applied to 1→5 and 1→7 (spec §4.2).
     *
     * @return the default, disabled settings
     */
    public static MixtureConfig defaults() {
        return of(false, COMPONENTS, TAU);
    }

    /**
     * Mixture settings with α = 1/τ, applied to 1→5 and 1→7.
     *
     * @param enabled whether training uses the mixture loss
     * @param components number k of mixture features, at least 1
     * @param tau inverse temperature τ, positive
     * @return the settings
     * @throws IllegalArgumentException if k or τ is out of range
     */
    public static MixtureConfig of(boolean enabled, int components, double tau) {
        return new MixtureConfig(enabled, components, tau, 1.0 / tau, true);
    }
}
