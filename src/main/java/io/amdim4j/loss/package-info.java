/**
 * The losses of spec §3, §4 and §6.1: one directed NCE term with its score regulariser, the
 * multiscale loss that adds the 1→5, 1→7 and 5→5 terms, the mixture variant, and the clipped
 * cross-entropy of the online probes. They work on arrays, never on blocks, and report every term
 * separately under a {@link io.amdim4j.loss.LossTerm}.
 *
 * <p>API: {@link io.amdim4j.loss.MultiscaleNceLoss}, {@link io.amdim4j.loss.Losses},
 * {@link io.amdim4j.loss.LossTerm}, {@link io.amdim4j.loss.LossValues},
 * {@link io.amdim4j.loss.NceConfig} and {@link io.amdim4j.loss.MixtureConfig}. The other public types are internal: public only because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.loss;
