/**
 * Data augmentation of spec §5: one type per operation of §5.3 (reflected translation, random
 * resized crop, colour jitter, random grayscale, PCA lighting, normalisation), the view transform,
 * the two-view augmenter of §5.1 (one shared flip, then the view transform twice, each view with its
 * own random draws), the test transform of §5.5 and the presets that bundle them per image family.
 * Every call takes an explicit random source; images are plain float arrays, never engine arrays.
 *
 * <p>API: {@link io.amdim4j.augment.AugmentConfig} and the operations it is built from,
 * {@link io.amdim4j.augment.ReflectTranslate}, {@link io.amdim4j.augment.RandomResizedCrop},
 * {@link io.amdim4j.augment.ColorJitter}, {@link io.amdim4j.augment.Grayscale},
 * {@link io.amdim4j.augment.Lighting} and {@link io.amdim4j.augment.Normalize}. The other public types are internal: public only because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.augment;
