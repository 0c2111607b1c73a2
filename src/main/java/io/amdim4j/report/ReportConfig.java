package io.amdim4j.report;

import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code amdim report} renders and where.
 *
 * @param run the run directory (config.json, metrics.jsonl, optional eval.json)
 * @param out the report directory; {@code RUN_DIR/report} by default
 * @param embeddings an {@code amdim embed} output directory; if empty, {@code RUN_DIR/embeddings}
 *     is used when it holds embeddings
 * @param dataset the dataset of the embedded images, for the gallery's thumbnails; if
 *     empty, the run's own dataset from config.json is tried
 * @param split the embedded split ({@code test} by default)
 * @param settings the class of the configuration in config.json ({@code TrainConfig} for a
 *     pre-training run): the report may not import training code, so its caller names the class
 */
public record ReportConfig(RunDirectory run, Path out, Optional<Path> embeddings, Optional<DatasetSpec> dataset,
        Split split, Class<? extends RunSettings> settings) {

    /** The split {@code amdim embed} and the report use unless told otherwise. */
    public static final Split DEFAULT_SPLIT = Split.TEST;

    /** Where {@code amdim embed} is suggested to write, and where the report looks by default. */
    static final String DEFAULT_EMBEDDINGS_DIR = "embeddings";

    public ReportConfig {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(embeddings, "embeddings");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The defaults for {@code runDir}: report into {@code RUN_DIR/report}, embeddings found if
     * present, test split.
     *
     * @param runDir the run directory
     * @param settings the class of the configuration in its config.json
     * @return the configuration
     */
    public static ReportConfig of(Path runDir, Class<? extends RunSettings> settings) {
        RunDirectory run = new RunDirectory(runDir);
        return new ReportConfig(run, run.report(), Optional.empty(), Optional.empty(), DEFAULT_SPLIT, settings);
    }

    public ReportConfig withOut(Path dir) {
        return new ReportConfig(run, dir, embeddings, dataset, split, settings);
    }

    public ReportConfig withEmbeddings(Path dir) {
        return new ReportConfig(run, out, Optional.of(dir), dataset, split, settings);
    }

    public ReportConfig withDataset(DatasetSpec spec) {
        return new ReportConfig(run, out, embeddings, Optional.of(spec), split, settings);
    }

    public ReportConfig withSplit(Split name) {
        return new ReportConfig(run, out, embeddings, dataset, name, settings);
    }

    /** The embeddings directory to read: the one given, else {@code RUN_DIR/embeddings}. */
    Path embeddingsDir() {
        return embeddings.orElse(run.root().resolve(DEFAULT_EMBEDDINGS_DIR));
    }
}
