package io.amdim4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@code --run-dir}: a path that exists but is not a directory is refused while the
 * command line is parsed. Without this, creating the run failed later with an error that was
 * only the path.
 */
final class RunDirConverter implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        Path dir = Path.of(value);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new TypeConversionException(value + ": is a file, not a directory");
        }
        return dir;
    }
}
