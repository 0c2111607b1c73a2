package io.amdim4j.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset file that is missing, unreadable or malformed. The message always starts with the
 * file (and, inside an archive, the entry) so that a failed run says which file to fix.
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    DatasetException(Path file, String problem) {
        this(file, problem, null);
    }

    DatasetException(Path file, String problem, Throwable cause) {
        super(file + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file (or archive) at fault. */
    Path file() {
        return file;
    }
}
