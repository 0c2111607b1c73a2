package io.amdim4j.embed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reader of the .npy files the tests check, written from NumPy's format description
 * (numpy.lib.format): it shares no code with {@link NpyWriter}.
 */
record NpyFile(int major, int minor, int headerLength, String header, String descr, boolean fortranOrder,
        long rows, long columns, float[] data) {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");

    static NpyFile read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    static NpyFile parse(byte[] bytes) {
        if ((bytes[0] & 0xFF) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new AssertionError("bad npy magic");
        }
        int major = bytes[6];
        int minor = bytes[7];
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        String descr = group(DESCR, header, 1);
        boolean fortran = group(FORTRAN, header, 1).equals("True");
        long rows = Long.parseLong(group(SHAPE, header, 1));
        long columns = Long.parseLong(group(SHAPE, header, 2));
        ByteBuffer body = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] data = new float[body.remaining() / 4];
        body.asFloatBuffer().get(data);
        return new NpyFile(major, minor, headerLength, header, descr, fortran, rows, columns, data);
    }

    private static String group(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new AssertionError(pattern + " not in npy header " + text);
        }
        return m.group(group);
    }
}
