package io.amdim4j.embed;

import ai.djl.Model;
import ai.djl.nn.Block;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderClassifier;
import io.amdim4j.run.AtomicFile;
import io.amdim4j.run.IoErrors;
import io.amdim4j.run.OutputDirectory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The core of {@code amdim export}: writes a DJL model directory from which a Java program gets
 * embeddings of {@code ai.djl.modality.cv.Image}s through one {@code Criteria} and a {@code
 * Predictor}:
 *
 * <pre>
 * Criteria&lt;Image, float[]&gt; criteria = Criteria.builder()
 *         .setTypes(Image.class, float[].class)
 *         .optModelPath(dir)
 *         .optTranslatorFactory(new EncoderTranslatorFactory())
 *         .build();
 * </pre>
 *
 * <p>The directory holds:
 *
 * <ul>
 *   <li>{@code amdim-encoder-0000.params}: the encoder's parameters in DJL's {@code Model.save}
 *       format, i.e. a DJL header around {@code Block.saveParameters};
 *   <li>{@code amdim-model.json}: {@link ExportManifest} (encoder config, the run's augmentation
 *       family whose test transform prepares images, output);
 *   <li>{@code serving.properties}: {@code engine=PyTorch}, {@code blockFactory} (rebuilds the
 *       encoder from amdim-model.json and loads the parameters, so the directory can be renamed),
 *       {@code option.hasParameter=false} (tells DJL not to look for {@code <dir name>-NNNN.params}
 *       itself) and {@code translatorFactory}.
 * </ul>
 *
 * <p>Why the Criteria still names the translator factory: DJL 0.36's {@code BaseModelLoader}
 * chooses the translator factory before it reads serving.properties, and its default factory only
 * knows DJL's own types, so {@code translatorFactory=} in serving.properties is not seen for an
 * (Image, float[]) model. The line is written anyway for loaders that read it first. Passing the
 * class name instead works too: {@code .optArgument("translatorFactory",
 * "io.amdim4j.embed.EncoderTranslatorFactory")}.
 *
 * <p>The directory is assembled under a hidden temporary name next to the target ({@code .NAME.*})
 * and renamed at the end, so it exists complete or not at all; a killed export can leave only that
 * hidden directory behind.
 */
public final class ModelExporter {

    /** Parameter file prefix; with DJL's epoch suffix the file is {@code amdim-encoder-0000.params}. */
    static final String PARAMETER_PREFIX = "amdim-encoder";

    /** The DJL engine the parameters are written for. */
    static final String ENGINE = "PyTorch";

    /** DJL's model-directory properties file. */
    static final String SERVING_PROPERTIES = "serving.properties";

    /** The epoch number in the parameter file name; an export is a single snapshot. */
    static final int PARAMETER_EPOCH = 0;

    private ModelExporter() {}

    /**
     * The parameter file of an export directory.
     *
     * @param dir the model directory
     * @return {@code dir/amdim-encoder-0000.params}
     */
    static Path parameterFile(Path dir) {
        return dir.resolve(String.format(Locale.ROOT, "%s-%04d.params", PARAMETER_PREFIX, PARAMETER_EPOCH));
    }

    /**
     * Writes the model directory.
     *
     * @param encoder an initialised encoder (trained, or loaded from a checkpoint)
     * @param augment the augmentation family it was trained with; the predictor applies its test
     *     transform (spec §5.5)
     * @param output which output the predictor returns (r1 by default)
     * @param dir the directory to create; must not exist or be empty
     * @return {@code dir}
     * @throws IOException if {@code dir} is not empty or a file cannot be written
     */
    public static Path export(Encoder encoder, AugmentConfig augment, EncoderOutput output, Path dir)
            throws IOException {
        ExportManifest manifest = ExportManifest.of(encoder.getConfig(), augment, output);
        return write(encoder, manifest, dir);
    }

    /**
     * Writes the model directory of a fine-tuned classifier, which loads through the same Criteria
     * with {@code setTypes(Image.class, Classifications.class)} (see {@link EncoderTranslatorFactory}).
     *
     * @param classifier the initialised classifier
     * @param augment the augmentation family whose test transform prepares images
     * @param classNames class names in label order
     * @param dir the directory to create; must not exist or be empty
     * @return {@code dir}
     * @throws IOException if {@code dir} is not empty or a file cannot be written
     */
    public static Path export(EncoderClassifier classifier, AugmentConfig augment, List<String> classNames, Path dir)
            throws IOException {
        if (classNames.size() != classifier.numClasses()) {
            throw new IllegalArgumentException(classNames.size() + " class names for a classifier of "
                    + classifier.numClasses() + " classes");
        }
        ExportManifest manifest = ExportManifest.classifier(classifier.encoder().getConfig(), augment,
                new ExportManifest.Classifier(classifier.headKind(), classNames));
        return write(classifier, manifest, dir);
    }

    private static Path write(Block block, ExportManifest manifest, Path dir) throws IOException {
        if (!block.isInitialized()) {
            throw new IllegalArgumentException(
                    "the model has no parameters yet: initialise or load it before export");
        }
        Path target = dir.toAbsolutePath().normalize();
        OutputDirectory.requireNewOrEmpty(target, "export");
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
        try {
            writeParameters(block, staging);
            manifest.write(staging);
            AtomicFile.write(staging.resolve(SERVING_PROPERTIES), servingProperties().getBytes(StandardCharsets.UTF_8));
            readableByAll(staging); // a temporary directory is owner-only, and the rename keeps its mode
            Files.deleteIfExists(target); // an empty directory only, checked above
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("file system of " + parent + " cannot rename atomically", e);
            }
        } catch (IOException e) {
            throw IoErrors.naming(target, e); // a full disk is "No space left on device", without the file
        } finally {
            OutputDirectory.removeContents(staging, true);
        }
        return dir;
    }

    /** The serving.properties text, in a fixed order and without the timestamp Properties.store adds. */
    static String servingProperties() {
        return "# amdim4j export (spec §2). Load with\n"
                + "#   Criteria.builder().setTypes(Image.class, float[].class) (an encoder)\n"
                + "#   or .setTypes(Image.class, Classifications.class) (a fine-tuned classifier)\n"
                + "#   .optModelPath(dir).optTranslatorFactory(new EncoderTranslatorFactory())\n"
                + "engine=" + ENGINE + "\n"
                + "blockFactory=" + EncoderBlockFactory.class.getName() + "\n"
                + "translatorFactory=" + EncoderTranslatorFactory.class.getName() + "\n"
                + "# the block factory loads " + PARAMETER_PREFIX + "-NNNN.params itself,"
                + " whatever the directory is called\n"
                + "option.hasParameter=false\n";
    }

    private static void writeParameters(Block block, Path dir) throws IOException {
        try (Model model = Model.newInstance(PARAMETER_PREFIX, ENGINE)) {
            // the model only borrows the block: closing it closes the model's own (empty) manager
            model.setBlock(block);
            model.setProperty("Epoch", Integer.toString(PARAMETER_EPOCH));
            model.save(dir, PARAMETER_PREFIX);
        }
        try (FileChannel ch = FileChannel.open(parameterFile(dir), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void readableByAll(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                AtomicFile.readableByAll(p);
            }
        }
    }
}
