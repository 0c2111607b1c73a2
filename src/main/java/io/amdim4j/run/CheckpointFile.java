package io.amdim4j.run;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The container format of a checkpoint: a magic number, a format version, a JSON header and a
 * list of binary sections (encoded parameter lists), closed by a SHA-256 of everything before it.
 * Written through {@link AtomicFile}; a damaged or truncated file is reported by name instead of
 * being half-loaded.
 *
 * @param header JSON text (configuration, counters)
 * @param sections binary payloads in a fixed order chosen by the writer
 */
public record CheckpointFile(String header, List<byte[]> sections) {

    private static final byte[] MAGIC = "AMDIM4J\u0001".getBytes(StandardCharsets.ISO_8859_1);
    static final int FORMAT_VERSION = 1;
    private static final int DIGEST_BYTES = 32;

    public CheckpointFile {
        sections = List.copyOf(sections);
    }

    /** Writes atomically (temp file, fsync, rename). */
    public void write(Path target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            byte[] h = header.getBytes(StandardCharsets.UTF_8);
            out.writeInt(h.length);
            out.write(h);
            out.writeInt(sections.size());
            for (byte[] s : sections) {
                out.writeLong(s.length);
                out.write(s);
            }
        }
        byte[] body = bytes.toByteArray();
        byte[] digest = sha256(body, body.length);
        AtomicFile.write(target, out -> {
            out.write(body);
            out.write(digest);
        });
    }

    /** Reads and verifies a checkpoint; any damage is an IOException naming the file. */
    public static CheckpointFile read(Path source) throws IOException {
        return decode(Files.readAllBytes(source), source.toString());
    }

    /**
     * Verifies and parses a checkpoint's bytes (read here, or received from the process that read them).
     *
     * @param source the file the bytes came from, for messages
     */
    public static CheckpointFile decode(byte[] all, String source) throws IOException {
        if (all.length < MAGIC.length + DIGEST_BYTES
                || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IOException(source + " is not an amdim4j checkpoint (bad magic number or too short)");
        }
        int bodyLength = all.length - DIGEST_BYTES;
        byte[] expected = Arrays.copyOfRange(all, bodyLength, all.length);
        if (!MessageDigest.isEqual(expected, sha256(all, bodyLength))) {
            throw new IOException(source + " is damaged: SHA-256 checksum mismatch (truncated or corrupted)");
        }
        ByteBuffer in = ByteBuffer.wrap(all, 0, bodyLength);
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version != FORMAT_VERSION) {
            throw new IOException(source + " has checkpoint format " + version + "; this build reads "
                    + FORMAT_VERSION);
        }
        byte[] h = new byte[in.getInt()];
        in.get(h);
        int count = in.getInt();
        List<byte[]> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long len = in.getLong();
            if (len < 0 || len > in.remaining()) {
                throw new IOException(source + " is damaged: section " + i + " claims " + len + " bytes");
            }
            byte[] s = new byte[(int) len];
            in.get(s);
            sections.add(s);
        }
        return new CheckpointFile(new String(h, StandardCharsets.UTF_8), sections);
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
