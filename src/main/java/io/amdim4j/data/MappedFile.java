package io.amdim4j.data;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only memory map of a whole file, split into chunks because one {@link MappedByteBuffer}
 * cannot exceed 2 GiB (STL-10's {@code unlabeled_X.bin} is 2.76 GB).
 *
 * <p>Reads use only absolute bulk gets, which never touch a buffer's position, so any number of
 * loader threads may read at once. A map, unlike a {@link FileChannel}, is not closed when a
 * reading thread is interrupted.
 */
final class MappedFile {

    /** Chunk size: 1 GiB keeps every chunk far below the 2 GiB limit of one buffer. */
    static final int DEFAULT_CHUNK_BYTES = 1 << 30;

    private final Path path;
    private final long length;
    private final int chunkBytes;
    private final MappedByteBuffer[] chunks;

    private MappedFile(Path path, long length, int chunkBytes, MappedByteBuffer[] chunks) {
        this.path = path;
        this.length = length;
        this.chunkBytes = chunkBytes;
        this.chunks = chunks;
    }

    static MappedFile map(Path path) {
        return map(path, DEFAULT_CHUNK_BYTES);
    }

    /** Maps {@code path}; {@code chunkBytes} is a parameter only so tests can cross chunk borders. */
    static MappedFile map(Path path, int chunkBytes) {
        if (chunkBytes <= 0) {
            throw new IllegalArgumentException("chunkBytes must be positive, got " + chunkBytes);
        }
        requireRegularFile(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long length = channel.size();
            int count = (int) ((length + chunkBytes - 1) / chunkBytes);
            MappedByteBuffer[] chunks = new MappedByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long start = (long) i * chunkBytes;
                chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(chunkBytes, length - start));
            }
            return new MappedFile(path, length, chunkBytes, chunks);
        } catch (IOException e) {
            throw new DatasetException(path, "cannot map file: " + e, e);
        }
    }

    /** Throws a {@link DatasetException} naming {@code path} unless it is an existing regular file. */
    static void requireRegularFile(Path path) {
        if (!Files.exists(path)) {
            throw new DatasetException(path, "file not found", new NoSuchFileException(path.toString()));
        }
        if (!Files.isRegularFile(path)) {
            throw new DatasetException(path, "not a regular file");
        }
    }

    Path path() {
        return path;
    }

    long length() {
        return length;
    }

    /** Copies {@code count} bytes starting at file offset {@code position} into {@code dst[offset..]}. */
    void read(long position, byte[] dst, int offset, int count) {
        if (position < 0 || count < 0 || position + count > length) {
            throw new IndexOutOfBoundsException(
                    "read of " + count + " bytes at " + position + " outside " + path + " (" + length + " bytes)");
        }
        int done = 0;
        while (done < count) {
            long at = position + done;
            int chunk = (int) (at / chunkBytes);
            int inChunk = (int) (at % chunkBytes);
            int n = Math.min(count - done, chunkBytes - inChunk);
            chunks[chunk].get(inChunk, dst, offset + done, n);
            done += n;
        }
    }

    /** Unsigned byte at file offset {@code position}. */
    int readUnsigned(long position) {
        if (position < 0 || position >= length) {
            throw new IndexOutOfBoundsException("byte " + position + " outside " + path + " (" + length + " bytes)");
        }
        return chunks[(int) (position / chunkBytes)].get((int) (position % chunkBytes)) & 0xFF;
    }

    byte[] read(long position, int count) {
        byte[] out = new byte[count];
        read(position, out, 0, count);
        return out;
    }
}
