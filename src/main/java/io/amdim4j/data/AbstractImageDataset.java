package io.amdim4j.data;

import java.util.List;
import java.util.Objects;

/**
 * What every file-backed reader keeps beside its images: where they came from (for messages and
 * provenance) and the class names in label order.
 */
public abstract class AbstractImageDataset implements ImageDataset {

    private final String description;
    private final List<String> classNames;

    /**
     * @param description where the images come from, e.g. {@code "cifar10 train (/data/cifar)"}
     * @param classNames class names in label order; empty for unlabelled data
     */
    protected AbstractImageDataset(String description, List<String> classNames) {
        this.description = Objects.requireNonNull(description, "description");
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    /** {@inheritDoc} The description and the image count. */
    @Override
    public String describe() {
        return description + ", " + size() + " images";
    }

    /**
     * Where the images come from, without the count.
     *
     * @return the description given to the constructor
     */
    protected String description() {
        return description;
    }
}
