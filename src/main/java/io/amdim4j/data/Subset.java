package io.amdim4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A view of some samples of a dataset, by index: held-out validation splits (spec §6.2 allows BN
 * statistics from held-out data) and labelled fractions for semi-supervised evaluation.
 */
public final class Subset implements ImageDataset {

    private final ImageDataset source;
    private final int[] indices;
    private final String description;

    /** The samples {@code indices} of {@code source}, in that order (copied; each must be in range). */
    public Subset(ImageDataset source, int[] indices, String description) {
        this.source = Objects.requireNonNull(source, "source");
        this.indices = indices.clone();
        this.description = Objects.requireNonNull(description, "description");
        for (int index : this.indices) {
            Objects.checkIndex(index, source.size());
        }
    }

    /** Two disjoint subsets: a random {@code heldOutFraction} of the samples and the rest, both in source order. */
    public static Partition holdOut(ImageDataset source, double heldOutFraction, long seed) {
        if (!(heldOutFraction >= 0 && heldOutFraction <= 1)) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 1], got " + heldOutFraction);
        }
        int n = source.size();
        int held = (int) Math.round(heldOutFraction * n);
        int[] order = new EpochShuffle(seed).order(0, n);
        int[] heldOut = Arrays.copyOfRange(order, 0, held);
        int[] rest = Arrays.copyOfRange(order, held, n);
        Arrays.sort(heldOut);
        Arrays.sort(rest);
        return new Partition(
                new Subset(source, rest, source.describe() + " minus " + held + " held out"),
                new Subset(source, heldOut, source.describe() + " held-out " + held));
    }

    /**
     * A class-balanced random {@code fraction} of the labelled samples: round(fraction·n_c) of each
     * class c, at least one when the fraction is positive; unlabelled samples are left out.
     */
    public static Subset labelFraction(ImageDataset source, double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("label fraction must be in (0, 1], got " + fraction);
        }
        int numClasses = source.classNames().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < source.size(); i++) {
            int label = source.label(i);
            if (label != Sample.UNLABELLED) {
                byClass.get(label).add(i);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> members : byClass) {
            int keep = Math.max(1, (int) Math.round(fraction * members.size()));
            for (int k = 0; k < Math.min(keep, members.size()); k++) {
                int j = k + random.nextInt(members.size() - k);
                Integer t = members.get(k);
                members.set(k, members.get(j));
                members.set(j, t);
                chosen.add(members.get(k));
            }
        }
        int[] indices = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Subset(source, indices, source.describe() + " label fraction " + fraction);
    }

    /** The result of {@link #holdOut}. */
    public record Partition(Subset rest, Subset heldOut) {
    }

    /** Position in the source of this subset's sample {@code index}. */
    int sourceIndex(int index) {
        return indices[Objects.checkIndex(index, size())];
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Sample get(int index) {
        return source.get(sourceIndex(index));
    }

    @Override
    public int label(int index) {
        return source.label(sourceIndex(index));
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public String describe() {
        return description + ", " + size() + " images";
    }
}
