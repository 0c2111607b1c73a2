package io.amdim4j.data;

import java.util.List;

/**
 * Random access to images and labels. Implementations must be safe to read from several loader
 * threads at once, and must fail with an error naming the file and the problem on bad input.
 */
public interface ImageDataset {

    /** Number of samples. */
    int size();

    /** The sample at {@code index} in {@code [0, size())}. */
    Sample get(int index);

    /**
     * The label of sample {@code index}, equal to {@code get(index).label()}. Readers override it
     * so that class-balanced subsets (label fractions) need not decode every image.
     */
    default int label(int index) {
        return get(index).label();
    }

    /** Class names in label order; empty for unlabelled data. */
    List<String> classNames();

    /** Short human-readable description, e.g. {@code "fashion-mnist train (/usr/share/...)"}. */
    String describe();
}
