package io.amdim4j.serve;

import ai.djl.modality.cv.ImageFactory;
import ai.djl.translate.TranslateException;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.embed.ExportedEncoder;
import io.amdim4j.report.Thumbnail;
import io.amdim4j.search.NearDuplicates;
import io.amdim4j.search.Neighbour;
import io.amdim4j.search.VectorIndex;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * What the server answers from: an open vector index, the dataset split its rows were embedded
 * from, and optionally the encoder that made them. Every method is safe to call from several
 * request threads at once (Lucene's searcher and the dataset readers are; uploads are embedded one
 * at a time).
 */
public final class ServedIndex implements AutoCloseable {

    /** Rows compared between index and dataset on opening: first, middle, last. */
    private static final int CHECKED_ROWS = 3;

    private final Path dir;
    private final VectorIndex index;
    private final ImageDataset images;
    private final String datasetName;
    private final ExportedEncoder encoder;
    private final int candidates;
    /** Row to what the index stores about it, read once: the grid and its label filter page through it. */
    private final List<Neighbour> rows;
    private final List<ApiJson.LabelCount> labels;
    private Duplicates duplicates;

    private record Duplicates(double threshold, int perRow, List<NearDuplicates.Pair> pairs) {}

    private ServedIndex(Path dir, VectorIndex index, ImageDataset images, ExportedEncoder encoder, int candidates)
            throws IOException {
        this.dir = dir;
        this.index = index;
        this.images = images;
        this.datasetName = images.describe();
        this.encoder = encoder;
        this.candidates = candidates;
        int n = index.manifest().rows();
        List<Neighbour> all = new ArrayList<>(n);
        Map<Integer, ApiJson.LabelCount> counts = new TreeMap<>();
        for (int r = 0; r < n; r++) {
            Neighbour row = index.describe(r);
            all.add(row);
            counts.merge(row.label(), new ApiJson.LabelCount(row.label(), row.className(), 1),
                    (a, b) -> new ApiJson.LabelCount(a.label(), a.className(), a.rows() + 1));
        }
        this.rows = List.copyOf(all);
        this.labels = List.copyOf(counts.values());
        requireSameImages();
    }

    /**
     * Opens an index read-only beside the split it was embedded from.
     *
     * @param dir an index directory ({@code amdim index})
     * @param images the dataset split that {@code amdim embed} read
     * @param model the exported encoder that made the index, for uploaded images; null to refuse uploads
     * @param candidates efSearch of every query
     * @return the open index; close it to release the files and the encoder
     * @throws IOException if the index or the model cannot be opened, or the split is not the one indexed
     */
    public static ServedIndex open(Path dir, ImageDataset images, Path model, int candidates)
            throws IOException {
        Objects.requireNonNull(images, "images");
        VectorIndex index = VectorIndex.open(dir);
        ExportedEncoder encoder = null;
        try {
            encoder = model == null ? null : ExportedEncoder.load(model);
            return new ServedIndex(dir, index, images, encoder, candidates);
        } catch (IOException | RuntimeException e) {
            try (index) {
                if (encoder != null) {
                    encoder.close();
                }
            }
            throw e;
        }
    }

    /** A wrong --dataset or --split would show other images beside the labels: refuse it by name. */
    private void requireSameImages() {
        int n = rows.size();
        for (int i = 0; i < CHECKED_ROWS && n > 0; i++) {
            Neighbour row = rows.get((int) ((long) i * (n - 1) / (CHECKED_ROWS - 1)));
            if (row.index() >= images.size()) {
                throw new IllegalArgumentException(datasetName + " has " + images.size() + " images but row " + row.row()
                        + " of --index " + dir + " is image " + row.index() + ": give the --dataset and --split that"
                        + " amdim embed read");
            }
            int label = images.label(row.index());
            if (label != row.label()) {
                throw new IllegalArgumentException("image " + row.index() + " of " + datasetName + " has label " + label
                        + " but row " + row.row() + " of --index " + dir + " has label " + row.label()
                        + ": give the --dataset and --split that amdim embed read");
            }
        }
    }

    /** How the collection is described to the page. */
    ApiJson.Info info(long uploadLimitBytes, int k) {
        return new ApiJson.Info(rows.size(), index.manifest().dimension(), dir.toString(), datasetName, labels,
                encoder != null, uploadLimitBytes, k, candidates);
    }

    /**
     * Rows {@code offset ..} of the grid, {@code limit} at most, of one label or of all.
     *
     * @param label the label to keep, or null for every row
     */
    ApiJson.Page page(int offset, int limit, Integer label) {
        List<Neighbour> shown = label == null ? rows : rows.stream().filter(r -> r.label() == label).toList();
        int from = Math.min(offset, shown.size());
        int to = Math.min(shown.size(), from + limit);
        return new ApiJson.Page(shown.size(), offset, shown.subList(from, to).stream().map(ApiJson.Row::of).toList());
    }

    /** The {@code k} nearest rows to row {@code row}, exactly as {@code amdim search --row} finds them. */
    ApiJson.Search search(int row, int k) throws IOException {
        Neighbour query = row(row);
        return new ApiJson.Search(ApiJson.Row.of(query), k, index.search(index.vector(row), k, candidates));
    }

    /**
     * The {@code k} nearest rows to an uploaded image.
     *
     * @throws ApiException 400 without an encoder, for a body that is no image, or one the encoder refuses
     */
    ApiJson.Search search(byte[] upload, int k) throws IOException {
        if (encoder == null) {
            throw new ApiException(ApiException.BAD_REQUEST, "searching by image needs the server started with --model"
                    + " DIR, the exported encoder (amdim export) that made the index");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(upload));
        } catch (IOException e) {
            throw new ApiException(ApiException.BAD_REQUEST, "the body is a damaged image: " + e.getMessage());
        }
        if (image == null) {
            throw new ApiException(ApiException.BAD_REQUEST, "the body (" + upload.length + " bytes) is not an image"
                    + " (PNG, JPEG, GIF or BMP)");
        }
        float[] vector;
        try {
            vector = encoder.embed(ImageFactory.getInstance().fromImage(image));
        } catch (TranslateException | RuntimeException e) {
            throw new ApiException(ApiException.BAD_REQUEST, "the encoder (--model " + encoder.dir() + ") cannot embed this "
                    + image.getWidth() + "x" + image.getHeight() + " image: " + e.getMessage());
        }
        if (vector.length != index.manifest().dimension()) {
            throw new ApiException(ApiException.BAD_REQUEST, "--model " + encoder.dir() + " embeds images as "
                    + vector.length + "-dimensional vectors but the index holds " + index.manifest().dimension()
                    + "-dimensional ones");
        }
        return new ApiJson.Search(null, k, index.search(vector, k, candidates));
    }

    /**
     * Near-duplicate pairs with cosine ≥ {@code threshold}, the first {@code limit} of them. Finding them
     * queries the index once per row, so the pairs of the lowest threshold asked so far are kept and a
     * higher threshold filters them.
     */
    synchronized ApiJson.Duplicates duplicates(double threshold, int perRow, int limit) throws IOException {
        if (duplicates == null || threshold < duplicates.threshold() || perRow != duplicates.perRow()) {
            duplicates = new Duplicates(threshold, perRow, NearDuplicates.find(index, threshold, perRow, candidates));
        }
        List<NearDuplicates.Pair> kept = duplicates.pairs().stream().filter(p -> p.cosine() >= threshold).toList();
        return new ApiJson.Duplicates(threshold, perRow, kept.size(), kept.subList(0, Math.min(limit, kept.size())));
    }

    /** Row {@code row}'s image as a PNG thumbnail, drawn as the report's gallery draws it. */
    byte[] png(int row) throws IOException {
        RawImage raw = images.get(row(row).index()).image();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(Thumbnail.of(raw), "png", out);
        return out.toByteArray();
    }

    /** The dataset split's description, e.g. {@code "cifar10 train (/data/cifar-10-batches-bin)"}. */
    public String dataset() {
        return datasetName;
    }

    /** Number of rows. */
    public int rows() {
        return rows.size();
    }

    private Neighbour row(int row) {
        if (row < 0 || row >= rows.size()) {
            throw new ApiException(ApiException.NOT_FOUND, "no row " + row + ": the index has rows 0 to " + (rows.size() - 1));
        }
        return rows.get(row);
    }

    @Override
    public void close() throws IOException {
        try (index) {
            if (encoder != null) {
                encoder.close();
            }
        }
    }
}
