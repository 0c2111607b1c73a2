package io.amdim4j.model;

/**
 * Block types of spec §2.2, the kind of a {@link LayerSpec}. A top-level type rather than nested in
 * the record: JDK 17's javadoc stops with "unknown element" on a public type nested in a record it
 * does not document, and {@code LayerSpec} is not part of the documented API.
 */
public enum LayerKind {
    /** SC(k, s, p): reflect pad, conv with bias, ReLU. */
    STEM_CONV,
    /** A single RU(w, s). */
    RESIDUAL_UNIT,
    /** RB(w, s; d): RU(w, s) followed by d − 1 RU(1, 1). */
    RESIDUAL_BLOCK,
    /** OBN: BN applied only with {@code use_bn}; its output is tap7. */
    OPTIONAL_BN,
    /** The always-on BN producing r1. */
    FINAL_BN
}
