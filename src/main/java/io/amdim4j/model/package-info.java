/**
 * The networks as DJL blocks: the AMDIM encoder of spec §2 (stem convolutions, residual units and
 * blocks, the 1×1 embedding heads) for 32, 64 and 128 px inputs, the mixture head of §4, the linear
 * and MLP probes of §6.1, an encoder with a classifier head for fine-tuning, and the loader of the
 * reference implementation's weights. Imports DJL and {@code runtime} (the engine's seeding) only.
 *
 * <p>API: {@link io.amdim4j.model.Encoder}, {@link io.amdim4j.model.EncoderConfig},
 * {@link io.amdim4j.model.EncoderClassifier}, {@link io.amdim4j.model.ClassifierHead},
 * and {@link io.amdim4j.model.ReferenceWeights}. The other public types are internal: public only because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.model;
