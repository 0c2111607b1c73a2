package io.amdim4j.augment;

/**
 * The two augmented views x¹, x² of one source image (spec §5.1), normalised, CHW.
 *
 * @param x1 first view
 * @param x2 second view
 */
public record TwoViews(FloatImage x1, FloatImage x2) {
}
