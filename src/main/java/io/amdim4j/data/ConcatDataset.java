package io.amdim4j.data;

import java.util.List;
import java.util.Objects;

/**
 * Several datasets read as one, in order: STL-10 {@code train+unlabeled} (spec §5.2 "Splits":
 * 5k labelled then 100k with label −1). Labelled parts must agree on their class names; unlabelled
 * parts (no class names) may be mixed in.
 */
public final class ConcatDataset implements ImageDataset {

    private final String description;
    private final List<ImageDataset> parts;
    private final List<String> classNames;
    /** {@code start[p]} is the global index of part p's first sample; the extra last entry is the total. */
    private final int[] start;

    public ConcatDataset(String description, List<? extends ImageDataset> parts) {
        this.description = Objects.requireNonNull(description, "description");
        this.parts = List.copyOf(parts);
        if (this.parts.isEmpty()) {
            throw new IllegalArgumentException("no datasets to concatenate");
        }
        List<String> names = List.of();
        this.start = new int[this.parts.size() + 1];
        long total = 0;
        for (int p = 0; p < this.parts.size(); p++) {
            ImageDataset part = this.parts.get(p);
            if (!part.classNames().isEmpty()) {
                if (!names.isEmpty() && !names.equals(part.classNames())) {
                    throw new IllegalArgumentException("class names of " + part.describe() + " " + part.classNames()
                            + " differ from " + names);
                }
                names = part.classNames();
            }
            start[p] = (int) total;
            total += part.size();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " samples in total");
            }
        }
        start[this.parts.size()] = (int) total;
        this.classNames = names;
    }

    @Override
    public int size() {
        return start[parts.size()];
    }

    @Override
    public Sample get(int index) {
        int p = partOf(index);
        return parts.get(p).get(index - start[p]);
    }

    @Override
    public int label(int index) {
        int p = partOf(index);
        return parts.get(p).label(index - start[p]);
    }

    private int partOf(int index) {
        Objects.checkIndex(index, size());
        int p = 0;
        while (index >= start[p + 1]) {
            p++;
        }
        return p;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String describe() {
        return description + ", " + size() + " images";
    }
}
