package io.amdim4j.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A split of a dataset, named as on the command line (spec §5.2 "Splits"): one stored split such as
 * {@code train}, {@code test} or {@code val}, or several joined by {@code +}, e.g. STL-10's
 * pre-training split {@code train+unlabeled}, whose images are read one part after the other.
 * {@code unlabeled} (or {@code unlabelled}) names a part without labels.
 *
 * @param parts the stored splits, in reading order
 */
public record Split(List<String> parts) {

    /** How the unlabelled part is spelled: STL-10's American spelling first. */
    private static final List<String> UNLABELLED = List.of("unlabeled", "unlabelled");

    /** The stored split {@code train}, every format's default training split except STL-10's. */
    public static final Split TRAIN = new Split(List.of("train"));
    /** The stored split {@code test}, every format's default test split except ImageNet folders'. */
    public static final Split TEST = new Split(List.of("test"));

    /**
     * Copies the parts and checks each is a bare name.
     *
     * @param parts one or more stored split names, e.g. {@code [train, unlabeled]}
     * @throws IllegalArgumentException if there is no part, or a part is blank, contains {@code +}
     *     or has surrounding spaces
     */
    public Split {
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a split needs a name, e.g. train or test");
        }
        for (String part : parts) {
            if (part.isBlank() || part.contains("+") || !part.equals(part.strip())) {
                throw new IllegalArgumentException("split '" + String.join("+", parts)
                        + "' has an empty or malformed part; name splits like train or train+unlabeled");
            }
        }
    }

    /**
     * Parses {@code name} or {@code a+b+…}.
     *
     * @param text the command-line text; surrounding spaces are ignored
     * @return the split with its parts in the given order
     * @throws IllegalArgumentException if a part is empty, e.g. {@code train+}
     */
    @JsonCreator
    public static Split parse(String text) {
        Objects.requireNonNull(text, "split");
        return new Split(List.of(text.strip().split("\\+", -1)));
    }

    /** Whether {@code part} names images without labels. */
    static boolean isUnlabelled(String part) {
        return UNLABELLED.contains(part);
    }

    /**
     * This split without its unlabelled parts: probes need labels, and spec §6.3 fits STL-10's on
     * its labelled {@code train} split, not on {@code train+unlabeled}.
     *
     * @return the labelled parts, in order
     * @throws IllegalArgumentException if every part is unlabelled
     */
    public Split labelled() {
        List<String> labelled = parts.stream().filter(p -> !isUnlabelled(p)).toList();
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("split '" + this + "' has no labelled part");
        }
        return new Split(labelled);
    }

    /** Whether this split reads more than one stored split. */
    boolean isJoined() {
        return parts.size() > 1;
    }

    @JsonValue
    @Override
    public String toString() {
        return String.join("+", parts);
    }
}
