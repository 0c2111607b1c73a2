package io.amdim4j.embed;

import io.amdim4j.runtime.PrecisionConfig;
import java.util.Objects;

/**
 * Settings of an embedding export ({@link EmbeddingExporter}).
 *
 * @param batchSize images per forward pass (the last batch may be smaller: every image is embedded
 *     exactly once, as in testing, spec §6.2)
 * @param loaderThreads threads decoding and transforming images; each prepares at most two batches
 *     ahead ({@link io.amdim4j.pipeline.PretrainBatches#testing}), which with the batch size bounds
 *     host memory
 * @param output which encoder output to store (r1 by default)
 * @param writeCsv also write the vectors as CSV (large: about 10 bytes per value)
 * @param showProgress draw a progress bar on the console (off in tests)
 * @param precision arithmetic and input layout of the encoder's passes
 */
public record EmbedConfig(
        int batchSize, int loaderThreads, EncoderOutput output, boolean writeCsv, boolean showProgress,
        PrecisionConfig precision) {

    /** The reference's default batch size (spec §7). */
    public static final int DEFAULT_BATCH_SIZE = 200;

    /** Loader threads by default. */
    static final int DEFAULT_LOADER_THREADS = 1;

    /** Validates every field and names the offending option. */
    public EmbedConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (loaderThreads < 1) {
            throw new IllegalArgumentException("loader threads must be >= 1, got " + loaderThreads);
        }
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(precision, "precision");
    }

    /**
     * r1, batch 200, one loader thread, no CSV, with a progress bar.
     *
     * @return the defaults
     */
    public static EmbedConfig defaults() {
        return new EmbedConfig(
                DEFAULT_BATCH_SIZE, DEFAULT_LOADER_THREADS, EncoderOutput.R1, false, true,
                PrecisionConfig.fp32());
    }

    /**
     * A copy with another batch size.
     *
     * @param size images per forward pass
     * @return the new configuration
     */
    public EmbedConfig withBatchSize(int size) {
        return new EmbedConfig(size, loaderThreads, output, writeCsv, showProgress, precision);
    }

    /**
     * A copy with another loader thread count.
     *
     * @param threads threads decoding and transforming images
     * @return the new configuration
     */
    public EmbedConfig withLoaderThreads(int threads) {
        return new EmbedConfig(batchSize, threads, output, writeCsv, showProgress, precision);
    }

    /**
     * A copy storing another output.
     *
     * @param which r1, r5 or r7
     * @return the new configuration
     */
    public EmbedConfig withOutput(EncoderOutput which) {
        return new EmbedConfig(batchSize, loaderThreads, which, writeCsv, showProgress, precision);
    }

    /**
     * A copy with the CSV of the vectors switched on or off.
     *
     * @param csv whether to write embeddings.csv
     * @return the new configuration
     */
    public EmbedConfig withCsv(boolean csv) {
        return new EmbedConfig(batchSize, loaderThreads, output, csv, showProgress, precision);
    }

    /**
     * A copy with the progress bar switched on or off.
     *
     * @param progress whether to draw it
     * @return the new configuration
     */
    public EmbedConfig withProgress(boolean progress) {
        return new EmbedConfig(batchSize, loaderThreads, output, writeCsv, progress, precision);
    }

    /**
     * A copy with another precision.
     *
     * @param choice arithmetic and input layout of the encoder's passes
     * @return the new configuration
     */
    public EmbedConfig withPrecision(PrecisionConfig choice) {
        return new EmbedConfig(batchSize, loaderThreads, output, writeCsv, showProgress, choice);
    }
}
