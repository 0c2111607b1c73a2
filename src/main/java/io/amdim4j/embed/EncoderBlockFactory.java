package io.amdim4j.embed;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import ai.djl.nn.Parameter;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rebuilds the encoder of an exported model directory for DJL's model loader, which finds this
 * class through {@code blockFactory=} in serving.properties (see {@link ModelExporter}): the
 * architecture comes from {@code amdim-model.json}, the parameters from {@code
 * amdim-encoder-0000.params}, so nothing depends on the directory's name.
 */
public final class EncoderBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    /** Public no-argument constructor, as DJL instantiates the class by name. */
    public EncoderBlockFactory() {}

    /**
     * Builds the encoder and loads its parameters through {@code model}, which keeps them in its
     * own manager.
     *
     * @param model the model being loaded; its block is set to the encoder
     * @param modelPath the export directory
     * @param arguments the loader's arguments (unused: the directory describes itself)
     * @return the encoder, ready for inference
     * @throws IOException naming the file if the description or the parameters are missing or do not
     *     fit each other
     */
    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments) throws IOException {
        try {
            return load(model, modelPath);
        } catch (IOException | RuntimeException e) {
            // DJL's loader drops the model when the factory throws; close it so its native memory goes too
            model.close();
            throw e;
        }
    }

    private static Block load(Model model, Path modelPath) throws IOException {
        ExportManifest manifest = ExportManifest.read(modelPath);
        Path parameters = ModelExporter.parameterFile(modelPath);
        if (!Files.isRegularFile(parameters)) {
            throw new IOException(parameters + " is missing: " + modelPath + " is an incomplete amdim4j export");
        }
        Encoder encoder = Encoder.builder().setConfig(manifest.encoder()).build();
        Block block = encoder;
        long expected = encoder.summary().encoderParameters();
        if (manifest.hasClassifier()) {
            ExportManifest.Classifier head = manifest.classifier();
            block = EncoderClassifier.builder().setEncoder(encoder).optHead(head.head())
                    .setNumClasses(head.classNames().size()).build();
            expected += head.head().parameters(manifest.encoder().nRkhs(), head.classNames().size());
        }
        model.setBlock(block);
        try {
            model.load(modelPath, ModelExporter.PARAMETER_PREFIX);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException(parameters + " does not hold the parameters of the encoder described in "
                    + ExportManifest.FILE_NAME + " (" + manifest.encoder() + "): " + e.getMessage(), e);
        }
        long loaded = trainableParameters(block);
        if (loaded != expected) {
            // DJL takes each array's shape from the file, so a file of another width loads silently
            throw new IOException(parameters + " holds " + loaded + " trainable parameters, but the model"
                    + " described in " + ExportManifest.FILE_NAME + " (" + manifest.encoder()
                    + (manifest.hasClassifier() ? ", " + manifest.classifier() : "") + ") has " + expected
                    + " (spec §2.5)");
        }
        return block;
    }

    private static long trainableParameters(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }
}
