package io.amdim4j.data;

/**
 * One dataset element.
 *
 * @param image the decoded image
 * @param label class index in {@code [0, numClasses)}, or {@link #UNLABELLED}
 */
public record Sample(RawImage image, int label) {

    /** Label of an image without a class (STL-10 unlabeled split, unlabelled folders); spec §6.1. */
    public static final int UNLABELLED = -1;
}
