package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;

/**
 * The self-supervised loss of one update with mixture-based representations (spec §4.2), all
 * scalars.
 *
 * @param terms ℒ_inf and its parts; loss1t5 and loss1t7 are the ½-averaged ℒ_mix terms (loss1t5
 *     is the §3 loss when the mixture is restricted to 1→7), loss5t5 is the §3 loss
 * @param weightedScore mean over consequents of Σ_j q·s_j, averaged over the mixture terms
 * @param entropy mean over consequents of H(q), averaged over the mixture terms
 */
public record MixtureNceLosses(NceLosses terms, NDArray weightedScore, NDArray entropy) {}
