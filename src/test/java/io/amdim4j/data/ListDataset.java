package io.amdim4j.data;

import java.util.List;

/** An in-memory dataset for tests of views: sample i is a 1×1×1 image of value i with label {@code labels[i]}. */
final class ListDataset implements ImageDataset {

    private final int[] labels;
    private final List<String> classNames;

    ListDataset(int[] labels, List<String> classNames) {
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Sample get(int index) {
        return new Sample(new RawImage(1, 1, 1, new byte[] {(byte) index}), labels[index]);
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String describe() {
        return "list of " + labels.length;
    }
}
