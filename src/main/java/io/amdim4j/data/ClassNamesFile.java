package io.amdim4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one-name-per-line class lists shipped with CIFAR ({@code batches.meta.txt}) and STL-10. */
final class ClassNamesFile {

    private ClassNamesFile() {
    }

    /**
     * The non-blank, stripped lines of {@code file}, or {@code defaults} when the file is absent.
     * A present file must list exactly as many names as {@code defaults}, because labels were
     * validated against that count.
     */
    static List<String> readOrDefault(Path file, List<String> defaults) {
        if (!Files.exists(file)) {
            return defaults;
        }
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read class names: " + e, e);
        }
        if (names.size() != defaults.size()) {
            throw new DatasetException(file, "lists " + names.size() + " class names, expected " + defaults.size());
        }
        return List.copyOf(names);
    }
}
