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

    /** Off, k = 4, τ = 1, α = 1/τ, applied to 1→5 and 1→7 (spec §4.2). */
    public static MixtureConfig defaults() {
        return of(false, COMPONENTS, TAU);
    }

    /** Mixture settings with α = 1/τ, applied to 1→5 and 1→7. */
    public static MixtureConfig of(boolean enabled, int components, double tau) {
        return new MixtureConfig(enabled, components, tau, 1.0 / tau, true);
    }
}
