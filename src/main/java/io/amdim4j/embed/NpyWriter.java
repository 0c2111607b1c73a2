package io.amdim4j.embed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Streams an N×D float32 matrix to NumPy's {@code .npy} format, version 1.0: magic {@code
 * \x93NUMPY}, version bytes 1 0, a little-endian uint16 header length, then the header dict {@code
 * {'descr': '<f4', 'fortran_order': False, 'shape': (N, D), }} padded with spaces and a newline so
 * that the data starts at a multiple of 64 bytes, then the rows in C order, little-endian.
 *
 * <p>The header is written first with the N announced by the caller, and rows are appended as they
 * come, so memory stays bounded whatever N is. {@link #finish()} checks that exactly N rows came.
 */
public final class NpyWriter {

    /** The six magic bytes, {@code \x93NUMPY}. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Format version 1.0 (header length fits in two bytes). */
    static final byte MAJOR_VERSION = 1;

    static final byte MINOR_VERSION = 0;

    /** NumPy aligns the start of the data to this many bytes. */
    static final int ALIGNMENT = 64;

    /** Bytes before the header dict: magic, two version bytes, the uint16 length. */
    static final int PREAMBLE_BYTES = MAGIC.length + 2 + Short.BYTES;

    private static final int MAX_HEADER_BYTES = 0xFFFF;

    private final OutputStream out;
    private final long rows;
    private final int columns;
    private final ByteBuffer buffer;
    private long written;

    /**
     * Writes the header.
     *
     * @param out destination, positioned at the start of the file; not closed by this writer
     * @param rows N, the number of rows that will follow
     * @param columns D, the length of each row
     * @throws IOException if the header cannot be written
     */
    public NpyWriter(OutputStream out, long rows, int columns) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("npy shape must be non-negative, got (" + rows + ", " + columns + ")");
        }
        this.rows = rows;
        this.columns = columns;
        this.buffer = ByteBuffer.allocate(Math.max(1, columns) * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.write(header(rows, columns));
    }

    /**
     * The complete preamble and header of an N×D little-endian float32 array.
     *
     * @param rows N
     * @param columns D
     * @return the bytes before the data, a multiple of 64 long
     */
    static byte[] header(long rows, int columns) {
        String dict = String.format(Locale.ROOT,
                "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }", rows, columns);
        int unpadded = PREAMBLE_BYTES + dict.length() + 1; // + the closing newline
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        byte[] dictBytes = text.getBytes(StandardCharsets.US_ASCII);
        if (dictBytes.length > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("npy v1.0 header too long: " + dictBytes.length + " bytes");
        }
        ByteBuffer header = ByteBuffer.allocate(PREAMBLE_BYTES + dictBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put(MAJOR_VERSION).put(MINOR_VERSION).putShort((short) dictBytes.length).put(dictBytes);
        return header.array();
    }

    /**
     * Appends {@code count} rows stored one after another in {@code values}.
     *
     * @param values at least {@code count × D} floats, row after row
     * @param count the number of rows
     * @throws IOException if writing fails
     * @throws IllegalStateException if more rows than announced would be written
     */
    public void writeRows(float[] values, int count) throws IOException {
        if ((long) count * columns > values.length) {
            throw new IllegalArgumentException(count + " rows of " + columns + " need " + (long) count * columns
                    + " values, got " + values.length);
        }
        if (written + count > rows) {
            throw new IllegalStateException(
                    "npy header announced " + rows + " rows; refusing row " + (written + count));
        }
        for (int r = 0; r < count; r++) {
            buffer.clear();
            buffer.asFloatBuffer().put(values, r * columns, columns);
            out.write(buffer.array(), 0, columns * Float.BYTES);
        }
        written += count;
    }

    /**
     * Rows written so far.
     *
     * @return the count
     */
    long rowsWritten() {
        return written;
    }

    /**
     * Checks that the file is complete and flushes the stream.
     *
     * @throws IOException if flushing fails
     * @throws IllegalStateException if fewer rows than announced were written
     */
    public void finish() throws IOException {
        if (written != rows) {
            throw new IllegalStateException("npy header announced " + rows + " rows but " + written + " were written");
        }
        out.flush();
    }
}
