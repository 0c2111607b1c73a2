package io.amdim4j.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory a command creates for what it writes: new or empty, so nobody's files are overwritten. */
public final class OutputDirectory {

    private OutputDirectory() {}

    /**
     * Refuses a directory that holds anything, or a path that is a file.
     *
     * @param dir the output directory; it may not exist yet
     * @param writer what would write there, for the message (e.g. "export")
     * @throws DirectoryNotEmptyException if {@code dir} holds any entry
     * @throws IOException if {@code dir} is a file, or cannot be listed
     */
    public static void requireNewOrEmpty(Path dir, String writer) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new DirectoryNotEmptyException(dir + " is not empty (" + writer
                            + " refuses to overwrite: choose a new directory or delete this one)");
                }
            }
        } else if (Files.exists(dir)) {
            throw new IOException(dir + " exists and is not a directory");
        }
    }

    /**
     * Deletes a directory and everything in it; nothing to do when it does not exist.
     *
     * @param dir the directory
     * @throws IOException naming the first entry that cannot be deleted
     */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
