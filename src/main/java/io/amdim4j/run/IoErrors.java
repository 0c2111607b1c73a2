package io.amdim4j.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * I/O errors that say where: the JDK reports a full disk or a failed write as "No space left on
 * device" without the file, so a command's error would not say which of its outputs failed.
 */
public final class IoErrors {

    private IoErrors() {}

    /**
     * The error with {@code path} in front of its message, unless the message names it already.
     *
     * @param path the file or directory being written
     * @param e the error
     * @return {@code e}, or an IOException whose cause is {@code e}
     */
    public static IOException naming(Path path, IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains(path.toString()) || message.contains(path.toAbsolutePath().toString())) {
            return e;
        }
        return new IOException(path + ": " + message, e);
    }
}
