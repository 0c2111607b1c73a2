package io.amdim4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ImageNet-style layout shared by {@link ImageFolderDataset} and {@link TarImageDataset}:
 * {@code <root>/<class>/**}{@code /*.{jpg,jpeg,png}}, classes sorted by name (as torchvision's
 * ImageFolder does, so label indices match the reference), or, unlabelled, every image under the
 * root with label −1. Paths are root-relative with '/' separators.
 *
 * @param classNames sorted class names; empty when unlabelled
 * @param order {@code order[i]} is the input index of dataset sample i
 * @param labels {@code labels[i]} is the label of dataset sample i
 */
record FolderLayout(List<String> classNames, int[] order, int[] labels) {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png");

    /** Whether {@code name} ends in .jpg, .jpeg or .png (any case). */
    static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Labelled layout. Images directly in the root belong to no class and are left out.
     *
     * @param files root-relative image paths
     * @param classDirs names of the root's sub-folders (a folder without images is an error)
     * @param emptyClass builds the error for a class folder without images
     */
    static FolderLayout labelled(List<String> files, Collection<String> classDirs,
                                 Function<String, DatasetException> emptyClass) {
        TreeMap<String, List<Integer>> byClass = new TreeMap<>();
        for (String dir : classDirs) {
            byClass.put(dir, new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            int slash = file.indexOf('/');
            if (slash > 0) {
                byClass.computeIfAbsent(file.substring(0, slash), k -> new ArrayList<>()).add(i);
            }
        }
        List<String> classNames = new ArrayList<>(byClass.keySet());
        int total = 0;
        for (var entry : byClass.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw emptyClass.apply(entry.getKey());
            }
            total += entry.getValue().size();
        }
        int[] order = new int[total];
        int[] labels = new int[total];
        int next = 0;
        int label = 0;
        for (List<Integer> members : byClass.values()) {
            members.sort(Comparator.comparing(files::get));
            for (int index : members) {
                order[next] = index;
                labels[next++] = label;
            }
            label++;
        }
        return new FolderLayout(List.copyOf(classNames), order, labels);
    }

    /** Unlabelled layout: every image, sorted by path, label −1. */
    static FolderLayout unlabelled(List<String> files) {
        int[] order = sortedIndices(files);
        int[] labels = new int[order.length];
        Arrays.fill(labels, Sample.UNLABELLED);
        return new FolderLayout(List.of(), order, labels);
    }

    private static int[] sortedIndices(List<String> files) {
        Integer[] boxed = new Integer[files.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparing(files::get));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
