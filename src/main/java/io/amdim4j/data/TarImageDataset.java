package io.amdim4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The {@link ImageFolderDataset} layouts read in place from a {@code .tar}, {@code .tar.gz} or
 * {@code .tgz} archive, without extracting it (compression is detected from the gzip magic bytes,
 * not the file name).
 *
 * <p>A split names a folder, found either at the archive root or under a single top folder: in
 * {@code cifar10-jpg.tar.gz}, split {@code train} is {@code cifar10-jpg/train/<class>/NNNN.jpg}.
 * Opening makes one streaming pass. A gzipped archive cannot be read at random, so the encoded
 * bytes of the split's images are kept in memory (a few large arrays); a plain tar is
 * memory-mapped and only the entries' offsets are kept. Images are decoded on each {@link #get}.
 *
 * <p>Refuses archives with an absolute entry path or a {@code ..} component, and treats a gzip
 * or tar stream that ends early as a truncated archive rather than a short dataset.
 */
final class TarImageDataset extends AbstractImageDataset {

    private static final int GZIP_MAGIC = 0x1f8b;
    /** Read buffer for the streaming pass; large enough that per-call overhead is negligible. */
    private static final int IO_BUFFER_BYTES = 1 << 16;
    private static final String UNLABELLED_NOTE = " (unlabelled)";

    private final Path archive;
    private final ImageDecoder decoder;
    private final EncodedImages store;
    /** Dataset index to store index. */
    private final int[] item;
    private final int[] labels;
    /** Archive entry names in dataset order, for error messages. */
    private final String[] entryNames;

    private TarImageDataset(Path archive, String description, ImageDecoder decoder, List<String> classNames,
                            EncodedImages store, int[] item, int[] labels, String[] entryNames) {
        super(description, classNames);
        this.archive = archive;
        this.decoder = decoder;
        this.store = store;
        this.item = item;
        this.labels = labels;
        this.entryNames = entryNames;
    }

    /** Labelled split: {@code [top/]split/<class>/...}; {@code split} empty means the archive root. */
    public static TarImageDataset labelled(Path archive, String split, ImageDecoder decoder) {
        return open(archive, split, true, decoder);
    }

    /** Every image under {@code [top/]split/}, label −1; {@code split} empty means the whole archive. */
    public static TarImageDataset unlabelled(Path archive, String split, ImageDecoder decoder) {
        return open(archive, split, false, decoder);
    }

    private static TarImageDataset open(Path archive, String split, boolean labelled, ImageDecoder decoder) {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(decoder, "decoder");
        MappedFile.requireRegularFile(archive);
        Index index = new Index(archive, split);
        EncodedImages store = isGzip(archive) ? index.readCompressed() : index.readPlain();
        Map.Entry<String, Candidate> found = index.onlyRoot();
        Candidate chosen = found.getValue();
        String where = "'" + found.getKey() + "'";
        FolderLayout layout = labelled
                ? FolderLayout.labelled(chosen.files, chosen.classDirs, cls -> new DatasetException(archive,
                        "class folder '" + found.getKey() + cls + "/' contains no .jpg, .jpeg or .png image"))
                : FolderLayout.unlabelled(chosen.files);
        if (layout.order().length == 0) {
            throw new DatasetException(archive, "no images in class folders under " + where);
        }
        int n = layout.order().length;
        int[] item = new int[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            int local = layout.order()[i];
            item[i] = chosen.storeIndex.get(local);
            names[i] = found.getKey() + chosen.files.get(local);
        }
        String description = "tar " + archive + " " + where
                + (labelled ? " (" + layout.classNames().size() + " classes)" : UNLABELLED_NOTE);
        return new TarImageDataset(archive, description, decoder, layout.classNames(), store, item,
                layout.labels(), names);
    }

    private static boolean isGzip(Path archive) {
        try (InputStream in = Files.newInputStream(archive)) {
            int b0 = in.read();
            int b1 = in.read();
            return ((b0 << 8) | b1) == GZIP_MAGIC;
        } catch (IOException e) {
            throw new DatasetException(archive, "cannot read: " + e, e);
        }
    }

    /** Images (and class folders) found under one possible split root. */
    private static final class Candidate {
        final List<String> files = new ArrayList<>();
        final List<Integer> storeIndex = new ArrayList<>();
        final Set<String> classDirs = new LinkedHashSet<>();
    }

    /** The single streaming pass: checks every entry name and collects the split's candidates. */
    private static final class Index {
        private final Path archive;
        private final String split;
        private final Map<String, Candidate> roots = new LinkedHashMap<>();

        Index(Path archive, String split) {
            this.archive = archive;
            this.split = split;
        }

        EncodedImages readCompressed() {
            EncodedImages.InMemory store = new EncodedImages.InMemory();
            byte[] buffer = new byte[IO_BUFFER_BYTES];
            // The buffer above the inflater turns the tar reader's many 512-byte reads into few native calls.
            try (InputStream gzip = new BufferedInputStream(new GZIPInputStream(
                    new BufferedInputStream(Files.newInputStream(archive)), IO_BUFFER_BYTES), IO_BUFFER_BYTES);
                 TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Candidate target = accept(entry);
                    if (target == null) {
                        continue;
                    }
                    if (entry.getSize() > Integer.MAX_VALUE - 8) {
                        throw new DatasetException(archive, "entry '" + entry.getName() + "' is too large ("
                                + entry.getSize() + " bytes)");
                    }
                    int size = (int) entry.getSize();
                    if (buffer.length < size) {
                        buffer = new byte[size];
                    }
                    if (tar.readNBytes(buffer, 0, size) < size) {
                        throw truncated("entry '" + entry.getName() + "' is cut short", null);
                    }
                    target.storeIndex.add(store.add(buffer, size));
                }
                // Read past the tar end marker to the gzip trailer: a cut there, or a bad CRC, must fail too.
                gzip.transferTo(OutputStream.nullOutputStream());
            } catch (EOFException e) {
                throw truncated("the gzip stream ends early (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw truncated("cannot read (" + e + ")", e);
            }
            return store.trim();
        }

        EncodedImages readPlain() {
            MappedFile mapped = MappedFile.map(archive);
            List<Long> offsets = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            try (TarFile tar = new TarFile(archive)) {
                for (TarArchiveEntry entry : tar.getEntries()) {
                    Candidate target = accept(entry);
                    if (target == null) {
                        continue;
                    }
                    if (entry.isSparse() || entry.getSize() > Integer.MAX_VALUE - 8) {
                        throw new DatasetException(archive, "entry '" + entry.getName()
                                + "' is sparse or too large to read as one image");
                    }
                    if (entry.getDataOffset() + entry.getSize() > mapped.length()) {
                        throw truncated("entry '" + entry.getName() + "' extends past the end of the file", null);
                    }
                    target.storeIndex.add(offsets.size());
                    offsets.add(entry.getDataOffset());
                    lengths.add((int) entry.getSize());
                }
            } catch (IOException e) {
                throw truncated("cannot read (" + e + ")", e);
            }
            return new EncodedImages.InFile(mapped, offsets.stream().mapToLong(Long::longValue).toArray(),
                    lengths.stream().mapToInt(Integer::intValue).toArray());
        }

        private DatasetException truncated(String what, Exception cause) {
            return new DatasetException(archive, "truncated or corrupt archive: " + what, cause);
        }

        /**
         * Checks the entry's name, records a class folder, and returns the candidate an image entry
         * belongs to, or {@code null} when its bytes are not needed.
         */
        private Candidate accept(TarArchiveEntry entry) {
            String name = TarEntryNames.checked(archive, entry.getName());
            boolean image = entry.isFile() && FolderLayout.isImageName(name);
            if (!image && !entry.isDirectory()) {
                return null;
            }
            String[] parts = name.split("/");
            int skip = splitDepth(parts);
            if (skip < 0 || TarEntryNames.isHidden(parts, skip)) {
                return null;
            }
            String root = String.join("/", List.of(parts).subList(0, skip)) + (skip > 0 ? "/" : "");
            String relative = String.join("/", List.of(parts).subList(skip, parts.length));
            if (relative.isEmpty()) {
                return null;
            }
            Candidate candidate = roots.computeIfAbsent(root, r -> new Candidate());
            if (entry.isDirectory()) {
                if (parts.length - skip == 1) {
                    candidate.classDirs.add(relative);
                }
                return null;
            }
            candidate.files.add(relative);
            return candidate;
        }

        /** Number of leading components forming the split root, or −1 if the entry is outside the split. */
        private int splitDepth(String[] parts) {
            if (split.isEmpty()) {
                return 0;
            }
            if (parts.length > 1 && parts[0].equals(split)) {
                return 1;
            }
            if (parts.length > 2 && parts[1].equals(split)) {
                return 2;
            }
            return -1;
        }

        /** The split root, which must be unique: {@code split/} or {@code top/split/}. */
        Map.Entry<String, Candidate> onlyRoot() {
            roots.values().removeIf(c -> c.files.isEmpty() && c.classDirs.isEmpty());
            if (roots.isEmpty()) {
                throw new DatasetException(archive, split.isEmpty() ? "contains no images"
                        : "no folder '" + split + "/' at the root or under a top folder");
            }
            if (roots.size() > 1) {
                throw new DatasetException(archive, "split '" + split + "' is ambiguous: found under " + roots.keySet());
            }
            return roots.entrySet().iterator().next();
        }
    }

    @Override
    public int size() {
        return item.length;
    }

    @Override
    public Sample get(int index) {
        Objects.checkIndex(index, size());
        try {
            return new Sample(decoder.decode(store.bytes(item[index])), labels[index]);
        } catch (IOException e) {
            throw new DatasetException(archive, "entry '" + entryNames[index] + "': " + e.getMessage(), e);
        }
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, size())];
    }
}
