package io.amdim4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of dataset files for the run provenance (STYLE "Configuration": the config
 * records a dataset checksum). SHA-256 over, for every regular file in name order: its path
 * relative to the dataset root, its size and, for datasets of at most {@link #MAX_SAMPLED_FILES}
 * files (binary batches, archives), its first and last {@link #SAMPLE_BYTES} bytes. Large image
 * folders (ImageNet's 1.28M files) are fingerprinted by names and sizes only, so the checksum
 * costs a directory walk, never a full read. It detects a different, truncated or re-encoded
 * dataset, not every flipped byte in the middle of a large file.
 */
final class DatasetChecksum {

    /** Bytes hashed at each end of a file. */
    public static final int SAMPLE_BYTES = 1 << 20;
    /** Above this many files only names and sizes are hashed. */
    public static final int MAX_SAMPLED_FILES = 64;

    private static final String PREFIX = "sha256:";

    private DatasetChecksum() {
    }

    /** {@code "sha256:<hex>"} of the file or directory tree at {@code path}. */
    public static String of(Path path) {
        if (!Files.exists(path)) {
            throw new DatasetException(path, "file or folder not found");
        }
        Path root = Files.isDirectory(path) ? path : path.getParent();
        List<Path> files = Files.isDirectory(path) ? regularFiles(path) : List.of(path);
        MessageDigest digest = sha256();
        boolean sampleContent = files.size() <= MAX_SAMPLED_FILES;
        for (Path file : files) {
            String name = (root == null ? file : root.relativize(file)).toString().replace('\\', '/');
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(0, size));
                if (sampleContent) {
                    update(digest, channel, 0, Math.min(SAMPLE_BYTES, size));
                    long tail = Math.max(Math.min(SAMPLE_BYTES, size), size - SAMPLE_BYTES);
                    update(digest, channel, tail, size - tail);
                }
            } catch (IOException e) {
                throw new DatasetException(file, "cannot read for checksum: " + e, e);
            }
        }
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> regularFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> dir.relativize(a).toString().compareTo(dir.relativize(b).toString()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException(dir, "cannot list folder for checksum: " + e, e);
        }
    }

    private static void update(MessageDigest digest, FileChannel channel, long position, long count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("file shrank while hashing");
            }
        }
        digest.update(buffer.flip());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
