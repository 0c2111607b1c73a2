package io.amdim4j.model;

import ai.djl.nn.Block;

/** The two classifier heads of spec §6.1 on r1, by the names options and exports use. */
public enum ClassifierHead {
    /** {@link LinearProbe}. */
    LINEAR,
    /** {@link MlpProbe}. */
    MLP;

    /**
     * A fresh, uninitialised head for {@code classes} classes; it takes r1 of shape (N, n_rkhs) and
     * returns logits of shape (N, classes).
     *
     * @param classes number of classes, at least 1
     * @return the head's block, to be initialised by its parent
     */
    public Block build(int classes) {
        return switch (this) {
            case LINEAR -> LinearProbe.builder().setNumClasses(classes).build();
            case MLP -> MlpProbe.builder().setNumClasses(classes).build();
        };
    }

    /**
     * Trainable parameters of this head on {@code nRkhs}-dimensional r1 (weights, biases, BN γ and β).
     *
     * @param nRkhs dimension of r1
     * @param classes number of classes
     * @return the count, computed without building the head
     */
    public long parameters(int nRkhs, int classes) {
        return switch (this) {
            case LINEAR -> (long) nRkhs * classes + classes;
            case MLP -> (long) nRkhs * MlpProbe.HIDDEN_UNITS + 2L * MlpProbe.HIDDEN_UNITS
                    + (long) MlpProbe.HIDDEN_UNITS * classes + classes;
        };
    }

    /**
     * The lower-case name ({@code linear}, {@code mlp}).
     *
     * @return the name options and exports use
     */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
