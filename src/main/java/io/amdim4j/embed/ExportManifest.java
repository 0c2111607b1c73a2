package io.amdim4j.embed;

import com.fasterxml.jackson.core.JacksonException;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.run.AtomicFile;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The content of {@code amdim-model.json} in an exported model directory: everything needed to
 * rebuild the encoder (spec §2.1) and to turn an image into its input (spec §5.5), and which
 * output the predictor returns.
 *
 * @param formatVersion version of this file's layout ({@link #FORMAT_VERSION} when written)
 * @param encoder the encoder's hyper-parameters
 * @param preprocessing the test-time preprocessing
 * @param output the returned output, r1 by default
 */
public record ExportManifest(
        int formatVersion, EncoderConfig encoder, Preprocessing preprocessing, EncoderOutput output) {

    /** File name inside the model directory. */
    public static final String FILE_NAME = "amdim-model.json";

    /** Layout version written by this build. */
    public static final int FORMAT_VERSION = 1;

    /** Checks that the preprocessing produces what the encoder takes. */
    public ExportManifest {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (output == null) {
            output = EncoderOutput.R1;
        }
        if (preprocessing.inputSize() != encoder.inputSize()
                || preprocessing.channels() != encoder.numChannels()) {
            throw new IllegalArgumentException("preprocessing produces " + preprocessing.channels() + "×"
                    + preprocessing.inputSize() + "×" + preprocessing.inputSize() + " but the encoder takes "
                    + encoder.numChannels() + "×" + encoder.inputSize() + "×" + encoder.inputSize());
        }
    }

    /**
     * A manifest in the current format.
     *
     * @param encoder the encoder's hyper-parameters
     * @param preprocessing the test-time preprocessing
     * @param output the returned output
     * @return the manifest
     */
    public static ExportManifest of(EncoderConfig encoder, Preprocessing preprocessing, EncoderOutput output) {
        return new ExportManifest(FORMAT_VERSION, encoder, preprocessing, output);
    }

    /**
     * Writes {@code dir/amdim-model.json} atomically.
     *
     * @param dir the model directory
     * @throws IOException if the file cannot be written
     */
    public void write(Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE_NAME), RunJson.mapper().writeValueAsBytes(this));
    }

    /**
     * Reads {@code dir/amdim-model.json}.
     *
     * @param dir the model directory
     * @return the manifest
     * @throws IOException naming the file if it is missing, malformed, invalid or too new
     */
    public static ExportManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        ExportManifest manifest;
        try {
            manifest = RunJson.mapper().readValue(Files.readAllBytes(file), ExportManifest.class);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " is missing: " + dir + " is not an amdim4j model export", e);
        } catch (JacksonException e) {
            throw new IOException(file + " is not a valid amdim4j model description: " + e.getOriginalMessage(), e);
        }
        if (manifest == null) {
            throw new IOException(file + " is empty");
        }
        if (manifest.formatVersion() < 1 || manifest.formatVersion() > FORMAT_VERSION) {
            throw new IOException(file + " has format version " + manifest.formatVersion() + "; this build reads 1 to "
                    + FORMAT_VERSION);
        }
        return manifest;
    }
}
