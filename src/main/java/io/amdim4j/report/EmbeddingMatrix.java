package io.amdim4j.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An N×D float32 matrix read from the {@code embeddings.npy} that {@code amdim embed} writes:
 * NumPy format 1.0 (or 2.0), {@code descr '<f4'}, C order, two-dimensional shape. Anything else
 * is rejected with a message naming the file, because guessing a layout would draw a wrong map.
 *
 * @param rows N
 * @param dimension D
 * @param values row r at {@code [r * D, (r + 1) * D)}
 */
public record EmbeddingMatrix(int rows, int dimension, float[] values) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Magic, two version bytes. */
    private static final int VERSION_END = MAGIC.length + 2;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,?\\s*\\)");

    public EmbeddingMatrix {
        Objects.requireNonNull(values, "values");
        if (rows < 0 || dimension < 1) {
            throw new IllegalArgumentException(
                    "embedding matrix must be N×D with D >= 1, got " + rows + "×" + dimension);
        }
        if ((long) rows * dimension != values.length) {
            throw new IllegalArgumentException(rows + "×" + dimension + " needs " + (long) rows * dimension
                    + " values, got " + values.length);
        }
    }

    /** Value at row {@code r}, column {@code c}. */
    float get(int r, int c) {
        return values[r * dimension + c];
    }

    /** A copy of row {@code r}. */
    public float[] row(int r) {
        return Arrays.copyOfRange(values, r * dimension, (r + 1) * dimension);
    }

    /**
     * Reads a float32 N×D {@code .npy} file.
     *
     * @throws IOException if the file cannot be read or is not such a matrix (the message names it)
     */
    static EmbeddingMatrix read(Path npy) throws IOException {
        byte[] all = Files.readAllBytes(npy);
        if (all.length < VERSION_END + 2 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new IOException(npy + " is not a NumPy .npy file (bad magic)");
        }
        ByteBuffer in = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int major = all[MAGIC.length];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(in.getShort(VERSION_END));
            headerStart = VERSION_END + Short.BYTES;
        } else if (major == 2 || major == 3) {
            if (all.length < VERSION_END + Integer.BYTES) {
                throw new IOException(npy + " is truncated inside its header");
            }
            headerLength = in.getInt(VERSION_END);
            headerStart = VERSION_END + Integer.BYTES;
        } else {
            throw new IOException(npy + " has .npy format version " + major + "; versions 1 to 3 are read");
        }
        if (headerLength < 0 || headerStart + (long) headerLength > all.length) {
            throw new IOException(npy + " is truncated inside its header");
        }
        String header = new String(all, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, npy, "descr");
        if (!descr.equals("<f4")) {
            throw new IOException(npy + " holds '" + descr + "' values; expected little-endian float32 '<f4'");
        }
        if (group(FORTRAN, header, npy, "fortran_order").equals("True")) {
            throw new IOException(npy + " is in Fortran order; expected C order");
        }
        Matcher shape = SHAPE.matcher(header);
        if (!shape.find()) {
            throw new IOException(npy + " is not two-dimensional (header " + header.strip() + ")");
        }
        long rows = Long.parseLong(shape.group(1));
        long dimension = Long.parseLong(shape.group(2));
        long count = rows * dimension;
        int dataStart = headerStart + headerLength;
        if (count > Integer.MAX_VALUE || all.length - dataStart != count * Float.BYTES) {
            throw new IOException(npy + " announces " + rows + "×" + dimension + " float32 values but holds "
                    + (all.length - dataStart) + " data bytes");
        }
        float[] values = new float[(int) count];
        in.position(dataStart);
        in.asFloatBuffer().get(values);
        try {
            return new EmbeddingMatrix((int) rows, (int) dimension, values);
        } catch (IllegalArgumentException e) {
            throw new IOException(npy + ": " + e.getMessage(), e);
        }
    }

    private static String group(Pattern pattern, String header, Path npy, String key) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException(npy + " header has no '" + key + "' entry: " + header.strip());
        }
        return m.group(1);
    }
}
