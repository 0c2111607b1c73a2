package io.amdim4j.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run's initial encoder weights came from ({@code pretrain --init-from}), as config.json
 * records it: enough to find the source again and to tell whether it has changed since.
 *
 * @param kind {@link #RUN}, {@link #CHECKPOINT} or {@link #NPZ}
 * @param path the file the weights were read from, absolute (for a run: its checkpoint)
 * @param sha256 {@code sha256:<hex>} of that file's bytes
 * @param sourceConfig the source run's key settings (label → value, as its report shows them);
 *     empty for an {@code .npz}, which carries none
 */
public record InitSource(String kind, String path, String sha256, Map<String, String> sourceConfig) {

    /** The newest readable checkpoint of a run directory. */
    public static final String RUN = "run";

    /** One pre-training checkpoint file. */
    public static final String CHECKPOINT = "checkpoint";

    /** A reference-implementation state dict ({@code weights/<name>} entries). */
    public static final String NPZ = "npz";

    /** Checks that the source is named and copies the settings, keeping their order. */
    public InitSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        sourceConfig = sourceConfig == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sourceConfig));
    }

    /**
     * The full SHA-256 of a file (unlike a dataset checksum, weights are small enough to read whole).
     *
     * @param file the file
     * @return {@code sha256:<hex>}
     * @throws IOException naming the file if it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " for its checksum: " + e.getMessage(), e);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
