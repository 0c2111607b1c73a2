package io.amdim4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The encoded bytes of many small files (JPEG/PNG entries of an archive), addressed by index.
 * Two forms: bytes copied into a few large arrays (a compressed archive cannot be read in
 * place), or (offset, length) pairs into a memory-mapped plain archive. Immutable once built;
 * reads are safe from any number of threads.
 */
abstract sealed class EncodedImages permits EncodedImages.InMemory, EncodedImages.InFile {

    abstract int count();

    /** A fresh copy of item {@code index}'s bytes. */
    abstract byte[] bytes(int index);

    /**
     * Bytes packed into 16 MiB arrays; each item sits inside one array (an item larger than an
     * array gets its own), so a read is one copy and the heap holds few, large objects.
     */
    static final class InMemory extends EncodedImages {

        static final int BLOCK_BYTES = 16 << 20;

        private final List<byte[]> blocks = new ArrayList<>();
        private int[] block = new int[1024];
        private int[] offset = new int[1024];
        private int[] length = new int[1024];
        private int count;
        private int used = BLOCK_BYTES;

        /** Appends {@code data[0, n)} and returns its index. Only the indexing thread calls this. */
        int add(byte[] data, int n) {
            if (count == block.length) {
                block = Arrays.copyOf(block, count * 2);
                offset = Arrays.copyOf(offset, count * 2);
                length = Arrays.copyOf(length, count * 2);
            }
            if (n > BLOCK_BYTES - used) {
                blocks.add(new byte[Math.max(BLOCK_BYTES, n)]);
                used = 0;
            }
            System.arraycopy(data, 0, blocks.get(blocks.size() - 1), used, n);
            block[count] = blocks.size() - 1;
            offset[count] = used;
            length[count] = n;
            used += n;
            return count++;
        }

        /** Releases the unused tail of the last block once indexing is done. */
        InMemory trim() {
            if (!blocks.isEmpty()) {
                int last = blocks.size() - 1;
                blocks.set(last, Arrays.copyOf(blocks.get(last), used));
                used = BLOCK_BYTES;
            }
            block = Arrays.copyOf(block, count);
            offset = Arrays.copyOf(offset, count);
            length = Arrays.copyOf(length, count);
            return this;
        }

        @Override
        int count() {
            return count;
        }

        @Override
        byte[] bytes(int index) {
            return Arrays.copyOfRange(blocks.get(block[index]), offset[index], offset[index] + length[index]);
        }
    }

    /** Items read in place from a mapped file. */
    static final class InFile extends EncodedImages {

        private final MappedFile file;
        private final long[] offset;
        private final int[] length;

        InFile(MappedFile file, long[] offset, int[] length) {
            this.file = file;
            this.offset = offset;
            this.length = length;
        }

        @Override
        int count() {
            return offset.length;
        }

        @Override
        byte[] bytes(int index) {
            return file.read(offset[index], length[index]);
        }
    }
}
