package io.amdim4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * MNIST-style IDX files (MNIST, Fashion-MNIST): one unsigned-byte image file (magic 2051, three
 * dimensions) and one label file (magic 2049), each plain or gzipped. Both are loaded into two
 * compact byte arrays (47 MB for the 60k training images), so {@link #get} only copies.
 *
 * <p>Images come out as 1×28×28; the padding to 32 px of spec §5.4 belongs to the augmentation.
 */
public final class IdxDataset extends AbstractImageDataset {

    /** IDX magic of a 3-d unsigned-byte array: 0x00000803. */
    static final int IMAGES_MAGIC = 2051;
    /** IDX magic of a 1-d unsigned-byte array: 0x00000801. */
    static final int LABELS_MAGIC = 2049;
    /** Both MNIST and Fashion-MNIST have ten classes. */
    static final int NUM_CLASSES = 10;

    /** Where Debian's {@code dataset-fashion-mnist} package installs the four files. */
    public static final Path FASHION_MNIST_DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Fashion-MNIST class names in label order (Xiao et al. 2017). */
    static final List<String> FASHION_MNIST_CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** MNIST class names: the digits. */
    static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int HEADER_INT_BYTES = 4;
    /** Inflater buffer; 64 KiB keeps the native calls per file few. */
    private static final int IO_BUFFER_BYTES = 1 << 16;

    private final int height;
    private final int width;
    private final byte[] pixels;
    private final byte[] labels;

    private IdxDataset(String description, List<String> classNames, int height, int width, byte[] pixels, byte[] labels) {
        super(description, classNames);
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** Fashion-MNIST split {@code train} or {@code test} from {@code dir} (standard file names). */
    static IdxDataset fashionMnist(Path dir, String split) {
        return openSplit("fashion-mnist", dir, split, FASHION_MNIST_CLASSES);
    }

    /** MNIST split {@code train} or {@code test} from {@code dir} (standard file names). */
    static IdxDataset mnist(Path dir, String split) {
        return openSplit("mnist", dir, split, MNIST_CLASSES);
    }

    private static IdxDataset openSplit(String name, Path dir, String split, List<String> classNames) {
        String prefix = switch (split) {
            case "train" -> "train";
            case "test" -> "t10k";
            default -> throw new IllegalArgumentException(
                    name + " has splits train and test, got '" + split + "'");
        };
        Path images = gzippedOrPlain(dir, prefix + "-images-idx3-ubyte");
        Path labels = gzippedOrPlain(dir, prefix + "-labels-idx1-ubyte");
        return open(images, labels, classNames, name + " " + split + " (" + dir + ")");
    }

    /** {@code dir/base.gz} if present, otherwise {@code dir/base} (whose absence the reader reports). */
    private static Path gzippedOrPlain(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        return Files.exists(gz) ? gz : dir.resolve(base);
    }

    /**
     * Reads an image file and a label file. Fails, naming the file, on a missing file, a wrong
     * magic number, non-positive dimensions, a file shorter or longer than its header says, a
     * count mismatch between the two files, or a label outside {@code classNames}.
     */
    static IdxDataset open(Path imagesFile, Path labelsFile, List<String> classNames, String description) {
        Objects.requireNonNull(classNames, "classNames");
        MappedFile.requireRegularFile(imagesFile);
        MappedFile.requireRegularFile(labelsFile);
        int[] imageHeader = new int[3];
        byte[] pixels = readIdx(imagesFile, IMAGES_MAGIC, imageHeader);
        int[] labelHeader = new int[1];
        byte[] labels = readIdx(labelsFile, LABELS_MAGIC, labelHeader);
        if (imageHeader[0] != labelHeader[0]) {
            throw new DatasetException(labelsFile, "has " + labelHeader[0] + " labels but " + imagesFile
                    + " has " + imageHeader[0] + " images");
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= classNames.size()) {
                throw new DatasetException(labelsFile, "label " + (labels[i] & 0xFF) + " of item " + i
                        + " is outside the " + classNames.size() + " classes");
            }
        }
        return new IdxDataset(description, List.copyOf(classNames), imageHeader[1], imageHeader[2], pixels, labels);
    }

    /** Reads header dimensions into {@code dims} and returns the payload, checking its exact length. */
    private static byte[] readIdx(Path file, int magic, int[] dims) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(openMaybeGzipped(file)))) {
            int actualMagic = readHeaderInt(in, file, "magic number");
            if (actualMagic != magic) {
                throw new DatasetException(file, "wrong magic number " + actualMagic + ", expected " + magic
                        + (magic == IMAGES_MAGIC ? " (IDX unsigned-byte images)" : " (IDX unsigned-byte labels)"));
            }
            long payload = 1;
            for (int d = 0; d < dims.length; d++) {
                dims[d] = readHeaderInt(in, file, "dimension " + d);
                if (dims[d] <= 0) {
                    throw new DatasetException(file, "dimension " + d + " is " + dims[d] + ", must be positive");
                }
                payload *= dims[d];
            }
            if (payload > Integer.MAX_VALUE - 8) {
                throw new DatasetException(file, "payload of " + payload + " bytes is too large for one array");
            }
            byte[] data = new byte[(int) payload];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                throw new DatasetException(file, "truncated: header promises " + payload
                        + " data bytes but the file holds only " + read);
            }
            if (in.read() >= 0) {
                throw new DatasetException(file, "wrong size: bytes follow the " + payload
                        + " data bytes the header promises");
            }
            return data;
        } catch (EOFException e) {
            throw new DatasetException(file, "truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e, e);
        }
    }

    private static int readHeaderInt(DataInputStream in, Path file, String what) throws IOException {
        byte[] b = in.readNBytes(HEADER_INT_BYTES);
        if (b.length < HEADER_INT_BYTES) {
            throw new DatasetException(file, "truncated: file ends inside the header (" + what + ")");
        }
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** Gzip is detected by its magic bytes, not by the file name. */
    private static InputStream openMaybeGzipped(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        return ((b0 << 8) | b1) == GZIP_MAGIC ? new GZIPInputStream(raw, IO_BUFFER_BYTES) : raw;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Sample get(int index) {
        int bytes = height * width;
        byte[] out = new byte[bytes];
        System.arraycopy(pixels, Objects.checkIndex(index, size()) * bytes, out, 0, bytes);
        return new Sample(new RawImage(1, height, width, out), labels[index] & 0xFF);
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, size())] & 0xFF;
    }

    @Override
    public String describe() {
        return description() + ", " + size() + " images " + height + "x" + width;
    }
}
