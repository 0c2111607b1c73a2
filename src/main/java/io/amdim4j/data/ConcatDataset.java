package io.amdim4j.data;

import java.util.List;
import java.util.Objects;

/**
 * Several datasets read as one, in order: STL-10 {@code train+unlabeled} (spec §5.2 "Splits":
 * 5k labelled then 100k with label −1). Labelled parts must agree on their class names; unlabelled
 * parts (no class names) may be mixed in.
 */
final class ConcatDataset extends AbstractImageDataset {

    private final List<ImageDataset> parts;
    /** {@code start[p]} is the global index of part p's first sample; the extra last entry is the total. */
    private final int[] start;

    public ConcatDataset(String description, List<? extends ImageDataset> parts) {
        super(description, sharedClassNames(parts));
        this.parts = List.copyOf(parts);
        this.start = starts(this.parts);
    }

    /** The class names of the labelled parts, which must agree; empty if no part is labelled. */
    private static List<String> sharedClassNames(List<? extends ImageDataset> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no datasets to concatenate");
        }
        List<String> names = List.of();
        for (ImageDataset part : parts) {
            if (!part.classNames().isEmpty()) {
                if (!names.isEmpty() && !names.equals(part.classNames())) {
                    throw new IllegalArgumentException("class names of " + part.describe() + " " + part.classNames()
                            + " differ from " + names);
                }
                names = part.classNames();
            }
        }
        return names;
    }

    private static int[] starts(List<ImageDataset> parts) {
        int[] start = new int[parts.size() + 1];
        long total = 0;
        for (int p = 0; p < parts.size(); p++) {
            start[p] = (int) total;
            total += parts.get(p).size();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " samples in total");
            }
        }
        start[parts.size()] = (int) total;
        return start;
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
}
