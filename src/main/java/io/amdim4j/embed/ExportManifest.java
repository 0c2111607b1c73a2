package io.amdim4j.embed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.model.ClassifierHead;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.run.AtomicFile;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code amdim-model.json} in an exported model directory: everything needed to
 * rebuild the encoder (spec §2.1), the augmentation family of the run whose test transform turns an
 * image into the encoder's input (spec §5.5, {@link io.amdim4j.augment.TestTransform}), and which
 * output the predictor returns.
 *
 * @param formatVersion version of this file's layout ({@link #FORMAT_VERSION} when written)
 * @param encoder the encoder's hyper-parameters
 * @param augment the run's augmentation family; only its test transform is used
 * @param output the returned output, r1 by default (an encoder export)
 * @param classifier the head and class names of a fine-tuned classifier export, null for an encoder
 */
record ExportManifest(int formatVersion, EncoderConfig encoder, AugmentConfig augment, EncoderOutput output,
        Classifier classifier) {

    /**
     * What turns an encoder export into an image classifier ({@code amdim finetune}).
     *
     * @param head the head on r1 (spec §6.1)
     * @param classNames class names in label order; the predictor's {@code Classifications} use them
     */
    public record Classifier(ClassifierHead head, List<String> classNames) {
        public Classifier {
            Objects.requireNonNull(head, "head");
            classNames = List.copyOf(classNames);
            if (classNames.size() < 2) {
                throw new IllegalArgumentException("a classifier export needs at least 2 class names, got "
                        + classNames);
            }
        }
    }

    /** File name inside the model directory. */
    public static final String FILE_NAME = "amdim-model.json";

    /** Layout version written by this build; version 1 described its own preprocessing and is not read. */
    public static final int FORMAT_VERSION = 2;

    /** Key of {@code formatVersion} in the file (the run files' snake_case). */
    private static final String VERSION_KEY = "format_version";

    /** Checks that the test transform produces what the encoder takes. */
    public ExportManifest {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(augment, "augment");
        if (output == null) {
            output = EncoderOutput.R1;
        }
        requireFits(encoder, augment);
    }

    /**
     * A manifest in the current format.
     *
     * @param encoder the encoder's hyper-parameters
     * @param augment the augmentation family whose test transform prepares the images
     * @param output the returned output
     * @return the manifest
     */
    public static ExportManifest of(EncoderConfig encoder, AugmentConfig augment, EncoderOutput output) {
        return new ExportManifest(FORMAT_VERSION, encoder, augment, output, null);
    }

    /** The manifest of a classifier on the encoder's r1 ({@code amdim finetune}). */
    public static ExportManifest classifier(EncoderConfig encoder, AugmentConfig augment, Classifier classifier) {
        return new ExportManifest(FORMAT_VERSION, encoder, augment, EncoderOutput.R1,
                Objects.requireNonNull(classifier, "classifier"));
    }

    /** True for a fine-tuned classifier export, false for an encoder export. */
    public boolean hasClassifier() {
        return classifier != null;
    }

    /**
     * Checks that {@code augment}'s test transform makes the encoder's input shape.
     *
     * @throws IllegalArgumentException naming both shapes otherwise
     */
    static void requireFits(EncoderConfig encoder, AugmentConfig augment) {
        if (augment.size() != encoder.inputSize() || augment.channels() != encoder.numChannels()) {
            throw new IllegalArgumentException("augmentation '" + augment.name() + "' makes " + augment.channels()
                    + "×" + augment.size() + "×" + augment.size() + " images but the encoder takes "
                    + encoder.numChannels() + "×" + encoder.inputSize() + "×" + encoder.inputSize());
        }
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
        try {
            JsonNode tree = RunJson.mapper().readTree(Files.readAllBytes(file));
            if (tree == null || tree.isMissingNode() || !tree.isObject()) {
                throw new IOException(file + " is empty or not a JSON object");
            }
            // the version first: an older layout would otherwise fail on a missing field
            int version = tree.path(VERSION_KEY).asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new IOException(file + " has format version " + version + "; this build reads "
                        + FORMAT_VERSION + " (export the checkpoint again with amdim export)");
            }
            return RunJson.mapper().treeToValue(tree, ExportManifest.class);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " is missing: " + dir + " is not an amdim4j model export", e);
        } catch (JacksonException e) {
            throw new IOException(file + " is not a valid amdim4j model description: " + e.getOriginalMessage(), e);
        }
    }
}
