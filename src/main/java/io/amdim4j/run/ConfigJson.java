package io.amdim4j.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of {@code RUN_DIR/config.json}: the resolved configuration of a run, where it ran,
 * the checksum of its data set and its resumes. The one reader and writer of the
 * file: pre-training writes it before the first update, the report reads it, both through these
 * fields.
 *
 * <p>Shape: the envelope (provenance, checksum, history) is plain data and lives here. The
 * configuration's type belongs to the training code ({@code train.TrainConfig}, made of records
 * from five packages), and {@code run} imports no other amdim4j package, so the record is generic
 * in it: training reads and writes {@code ConfigJson<TrainConfig>}; the report, which may not
 * import training code, reads it through the {@link RunSettings} the configuration implements,
 * given the class by its caller. A renamed field is thus a compile error in the configuration's
 * {@link RunSettings#highlights()} rather than a blank row. Written with the run's JSON conventions
 * ({@link RunJson}: snake_case keys) and atomically.
 *
 * @param <C> type of the configuration
 * @param config the configuration in force
 * @param provenance platform and code version of the run's start
 * @param datasetChecksum checksum of the data set's files, e.g. {@code sha256:…}
 * @param preset the preset the run started from, with the options that overrode it; {@code null}
 *     (and left out of the file) for a run configured by options alone
 * @param initFrom where the encoder's initial weights came from; {@code null} (and left out) for a
 *     run that started from random initialisation
 * @param history one entry per resume (with the fields it changed, if any), oldest first; empty for a
 *     run never resumed, and then left out of the file (as in files written before it existed)
 * @param preflight how the run's precision and memory format were proven on this machine at its start;
 *     {@code null} (and left out) in files written before the preflight existed
 */
public record ConfigJson<C>(C config, Provenance provenance, String datasetChecksum,
        @JsonInclude(JsonInclude.Include.NON_NULL) PresetChoice preset,
        @JsonInclude(JsonInclude.Include.NON_NULL) InitSource initFrom,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Resume> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) PreflightVerdict preflight) {

    /**
     * One resume of the run.
     *
     * @param update the update the run resumed at
     * @param time when, ISO-8601
     * @param changes each changed field, named as this file spells it ("optim.lr"), in field order;
     *     empty for a resume that changed nothing
     */
    public record Resume(long update, String time, Map<String, ValueChange> changes) {

        /** Copies the map, keeping its order. */
        public Resume {
            Objects.requireNonNull(time, "time");
            changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        }
    }

    /** Checks that nothing is missing and copies the history. */
    public ConfigJson {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(datasetChecksum, "datasetChecksum");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * A configuration without a preset or a warm start.
     *
     * @param config the configuration in force
     * @param provenance platform and code version of the run's start
     * @param datasetChecksum checksum of the data set's files
     * @param history one entry per resume, oldest first
     */
    public ConfigJson(C config, Provenance provenance, String datasetChecksum, List<Resume> history) {
        this(config, provenance, datasetChecksum, null, null, history, null);
    }

    /**
     * A configuration whose precision was not proven by a preflight.
     *
     * @param config the configuration in force
     * @param provenance platform and code version of the run's start
     * @param datasetChecksum checksum of the data set's files
     * @param preset the preset and its overrides; {@code null} for none
     * @param initFrom where the initial weights came from; {@code null} for random initialisation
     * @param history one entry per resume, oldest first
     */
    public ConfigJson(C config, Provenance provenance, String datasetChecksum, PresetChoice preset,
            InitSource initFrom, List<Resume> history) {
        this(config, provenance, datasetChecksum, preset, initFrom, history, null);
    }

    /**
     * The same file after a resume: another configuration in force and a longer history; where the
     * run came from (provenance, checksum, preset, warm start, preflight) stays as it was at its start.
     *
     * @param newConfig the configuration in force from now on
     * @param newHistory the whole history, this resume included
     * @return the new content
     */
    public ConfigJson<C> resumed(C newConfig, List<Resume> newHistory) {
        return new ConfigJson<>(newConfig, provenance, datasetChecksum, preset, initFrom, newHistory, preflight);
    }

    /**
     * Atomically replaces {@code file} with this configuration.
     *
     * @param file e.g. {@code RunDirectory.config()}
     * @throws IOException naming the file if it cannot be written
     */
    public void write(Path file) throws IOException {
        RunJson.write(file, this, "the run configuration");
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param <C> type of the configuration
     * @param file a config.json
     * @param configType class of the configuration
     * @return its content
     * @throws IOException naming the file if it is missing or not a run configuration
     */
    public static <C> ConfigJson<C> read(Path file, Class<C> configType) throws IOException {
        return RunJson.read(file, ConfigJson.class, configType, "config.json");
    }
}
