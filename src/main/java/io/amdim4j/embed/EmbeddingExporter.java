package io.amdim4j.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.model.Encoder;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.runtime.DeviceInput;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.pipeline.PretrainBatches;
import io.amdim4j.run.AtomicFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Embeds every image of a dataset once, in dataset order, with the encoder in inference mode, and
 * streams the vectors to {@code embeddings.npy} (float32, N×D, see {@link NpyWriter}) with {@code
 * index.csv} ({@code row,index,label,class_name}) and optionally {@code embeddings.csv}.
 *
 * <p>Images go through the test loader of {@link PretrainBatches#testing}: the run's test transform
 * (spec §5.5, {@link io.amdim4j.augment.TestTransform}), every image exactly once, the last partial
 * batch kept (spec §6.2). Memory is bounded by the batch size and the loader's prefetch depth,
 * whatever the size of the dataset.
 *
 * <p>Each file is written to a temporary sibling and renamed over its name when complete (spec: run
 * files are replaced atomically). The CSV files are renamed first and {@code embeddings.npy} last,
 * so an interrupted export leaves no npy file, or the previous complete one.
 */
public final class EmbeddingExporter {

    /** The matrix of vectors. */
    static final String EMBEDDINGS_NPY = "embeddings.npy";

    /** One line per row: where the image came from. */
    static final String INDEX_CSV = "index.csv";

    /** The optional text copy of the matrix, one row per line, no header. */
    static final String EMBEDDINGS_CSV = "embeddings.csv";

    /** First line of index.csv. */
    static final String INDEX_HEADER = "row,index,label,class_name";

    /** The single epoch the loader is asked for. */
    private static final int EPOCH = 0;

    private final Encoder encoder;
    private final EmbedConfig config;

    /**
     * @param encoder an initialised encoder (trained, loaded from a checkpoint or from an export)
     * @param config batch size, loader threads, output, CSV and progress settings
     */
    public EmbeddingExporter(Encoder encoder, EmbedConfig config) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Embeds a dataset through the test transform of an augmentation family.
     *
     * @param dataset the images
     * @param augment the family the encoder was trained with ({@code TrainedEncoder.augment()}); its
     *     test transform must produce the encoder's input
     * @param outDir directory for the files (created if needed)
     * @return the files written
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException if the transform does not make the encoder's input shape
     */
    public EmbeddingFiles export(ImageDataset dataset, AugmentConfig augment, Path outDir) throws IOException {
        ExportManifest.requireFits(encoder.getConfig(), augment);
        int n = dataset.size();
        int d = config.output().dimension(encoder.getConfig());
        Files.createDirectories(outDir);
        EmbeddingFiles files = new EmbeddingFiles(outDir.resolve(EMBEDDINGS_NPY), outDir.resolve(INDEX_CSV),
                config.writeCsv() ? Optional.of(outDir.resolve(EMBEDDINGS_CSV)) : Optional.empty(), n, d,
                config.output());
        try (BatchLoader loader = PretrainBatches.testing(dataset, augment, config.batchSize(), config.loaderThreads());
                NDManager manager = Runtime.of(ComputeDevice.holding(encoder), config.precision()).newBaseManager();
                ProgressBar bar = config.showProgress() ? progressBar(dataset, n) : null) {
            Rows rows = new Rows(dataset.classNames(), loader.epoch(EPOCH, 0), manager, bar);
            AtomicFile.write(files.npy(), npy -> AtomicFile.write(files.index(), index -> {
                if (files.csv().isPresent()) {
                    AtomicFile.write(files.csv().get(), csv -> rows.writeAll(n, d, npy, index, csv));
                } else {
                    rows.writeAll(n, d, npy, index, null);
                }
            }));
        }
        return files;
    }

    private static ProgressBar progressBar(ImageDataset dataset, int n) {
        return new ProgressBarBuilder().setTaskName("embed " + dataset.describe()).setInitialMax(n).build();
    }

    /** Consumes the loader's batches and writes each one to every file. */
    private final class Rows {
        private final List<String> classNames;
        private final Iterator<HostBatch> batches;
        private final NDManager manager;
        private final ProgressBar bar;

        Rows(List<String> classNames, Iterator<HostBatch> batches, NDManager manager, ProgressBar bar) {
            this.classNames = classNames;
            this.batches = batches;
            this.manager = manager;
            this.bar = bar;
        }

        void writeAll(int n, int d, OutputStream npyOut, OutputStream indexOut, OutputStream csvOut)
                throws IOException {
            NpyWriter npy = new NpyWriter(npyOut, n, d);
            Writer index = text(indexOut);
            Writer csv = csvOut == null ? null : text(csvOut);
            index.write(INDEX_HEADER + "\n");
            int row = 0;
            while (batches.hasNext()) {
                HostBatch batch = batches.next();
                float[] vectors = embed(batch);
                npy.writeRows(vectors, batch.size());
                for (int i = 0; i < batch.size(); i++, row++) {
                    index.write(row + "," + batch.indices()[i] + "," + batch.labels()[i] + ","
                            + csvField(className(batch.labels()[i])) + "\n");
                    if (csv != null) {
                        writeVector(csv, vectors, i * d, d);
                    }
                }
                if (bar != null) {
                    bar.stepBy(batch.size());
                }
            }
            npy.finish();
            index.flush();
            if (csv != null) {
                csv.flush();
            }
        }

        /** One batch through the encoder in inference mode; N×D floats in C order. */
        private float[] embed(HostBatch batch) {
            try (NDManager step = manager.newSubManager()) {
                NDArray x = DeviceInput.view(batch, 0, step, config.precision().memoryFormat());
                NDList out = config.precision().forward(encoder, new ParameterStore(step, false), x, false);
                return out.get(config.output().index()).toFloatArray();
            }
        }

        private String className(int label) {
            return label >= 0 && label < classNames.size() ? classNames.get(label) : "";
        }
    }

    private static Writer text(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    private static void writeVector(Writer csv, float[] values, int from, int d) throws IOException {
        StringBuilder line = new StringBuilder(d * 12);
        for (int j = 0; j < d; j++) {
            if (j > 0) {
                line.append(',');
            }
            line.append(values[from + j]); // Float.toString: the shortest text that reads back exactly
        }
        csv.write(line.append('\n').toString());
    }

    /** RFC 4180 quoting for class names such as "T-shirt/top" or names with commas. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
