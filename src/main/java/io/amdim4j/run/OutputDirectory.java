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
     * Undoes a failed write into a directory {@link #requireNewOrEmpty} accepted: removes everything in
     * it, and the directory itself if the command created it, so that the retry is not refused.
     *
     * @param dir the output directory
     * @param created whether the command created {@code dir} (else it was an empty directory the user gave)
     */
    public static void removeContents(Path dir, boolean created) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> created || !p.equals(dir)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: the error being reported is the one that matters
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }
}
