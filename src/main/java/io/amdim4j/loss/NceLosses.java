package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;

/**
 * The self-supervised loss of one update and its parts, all scalars (spec §3.3).
 *
 * @param total ℒ_inf = loss1t5 + loss1t7 + loss5t5 + scoreReg, the array to backpropagate
 * @param loss1t5 L_1t5, averaged over both directions
 * @param loss1t7 L_1t7, averaged over both directions
 * @param loss5t5 L_5t5, averaged over both directions
 * @param scoreReg R_score, ½ × the sum of the six directed regularisers
 */
public record NceLosses(NDArray total, NDArray loss1t5, NDArray loss1t7, NDArray loss5t5, NDArray scoreReg) {}
