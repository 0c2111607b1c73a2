package io.amdim4j.data;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Entry-name checks for archives: a dataset must never refer outside the archive. */
final class TarEntryNames {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");
    private static final String CURRENT_DIR_PREFIX = "./";

    private TarEntryNames() {
    }

    /**
     * The entry name without leading {@code ./} and trailing {@code /}; rejects, naming the
     * archive and the entry, an absolute path (leading '/' or '\', or a drive letter) and any
     * {@code ..} component, since such archives are malformed or hostile.
     */
    static String checked(Path archive, String name) {
        if (name.startsWith("/") || name.startsWith("\\") || DRIVE_LETTER.matcher(name).matches()) {
            throw new DatasetException(archive, "entry '" + name + "' has an absolute path");
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new DatasetException(archive, "entry '" + name + "' has a '..' component");
            }
        }
        String clean = name;
        while (clean.startsWith(CURRENT_DIR_PREFIX)) {
            clean = clean.substring(CURRENT_DIR_PREFIX.length());
        }
        while (clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return clean;
    }

    /** Whether a component from index {@code from} on is hidden (e.g. macOS {@code ._x.jpg} files). */
    static boolean isHidden(String[] parts, int from) {
        for (int i = from; i < parts.length; i++) {
            if (parts[i].startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
