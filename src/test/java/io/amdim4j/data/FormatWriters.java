package io.amdim4j.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes small files in each dataset format, from values the tests choose, so readers can be checked against them. */
final class FormatWriters {

    private FormatWriters() {
    }

    static RawImage randomImage(SplittableRandom random, int channels, int height, int width) {
        byte[] pixels = new byte[channels * height * width];
        random.nextBytes(pixels);
        return new RawImage(channels, height, width, pixels);
    }

    /** An IDX file: big-endian magic, dimensions, then {@code payload}. */
    static byte[] idx(int magic, int[] dims, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        buffer.putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        buffer.put(payload);
        return buffer.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** One CIFAR record: the label bytes, then the image's CHW pixels. */
    static byte[] cifarRecord(byte[] labelBytes, RawImage image) {
        byte[] record = new byte[labelBytes.length + image.pixels().length];
        System.arraycopy(labelBytes, 0, record, 0, labelBytes.length);
        System.arraycopy(image.pixels(), 0, record, labelBytes.length, image.pixels().length);
        return record;
    }

    /** STL-10 storage of one image: per channel, column-major (x outer, y inner). */
    static byte[] stlColumnMajor(RawImage image) {
        byte[] out = new byte[image.pixels().length];
        int i = 0;
        for (int c = 0; c < image.channels(); c++) {
            for (int x = 0; x < image.width(); x++) {
                for (int y = 0; y < image.height(); y++) {
                    out[i++] = (byte) image.get(c, y, x);
                }
            }
        }
        return out;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Encodes an RGB or gray image with ImageIO ({@code format} "png" or "jpg"). */
    static byte[] encode(RawImage image, String format) throws IOException {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(),
                image.channels() == 3 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.channels() == 3) {
                    buffered.setRGB(x, y, (image.get(0, y, x) << 16) | (image.get(1, y, x) << 8) | image.get(2, y, x));
                } else {
                    buffered.getRaster().setSample(x, y, 0, image.get(0, y, x));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(buffered, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /**
     * A tar archive of {@code entries} (name to bytes; a name ending in '/' is a directory),
     * gzipped when asked. Absolute names are kept as written, to test that readers reject them.
     */
    static Path tar(Path file, Map<String, byte[]> entries, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                if (!e.getKey().endsWith("/")) {
                    entry.setSize(e.getValue().length);
                }
                tar.putArchiveEntry(entry);
                if (!e.getKey().endsWith("/")) {
                    tar.write(e.getValue());
                }
                tar.closeArchiveEntry();
            }
        }
        return write(file, gzip ? gzip(bytes.toByteArray()) : bytes.toByteArray());
    }

    /** The first {@code keep} bytes of {@code file}, written back: a download cut short. */
    static void truncate(Path file, long keep) throws IOException {
        byte[] data = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(data, (int) keep));
    }
}
