package io.amdim4j.embed;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.Criteria;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Creates the translator of an exported model directory from its {@code amdim-model.json}: an
 * {@link EncoderTranslator} for {@code Criteria.builder().setTypes(Image.class, float[].class)}
 * (embeddings), a {@link ClassifierTranslator} for {@code setTypes(Image.class,
 * Classifications.class)} on a fine-tuned classifier ({@code amdim finetune}).
 */
public final class EncoderTranslatorFactory implements TranslatorFactory {

    private static final Set<Pair<Type, Type>> SUPPORTED = Set.of(new Pair<>(Image.class, float[].class),
            new Pair<>(Image.class, Classifications.class));

    /** Public no-argument constructor, so DJL can also instantiate the class by name. */
    public EncoderTranslatorFactory() {}

    /**
     * The criteria that load an export directory: the one-call form of the snippet in {@link
     * ModelExporter}.
     *
     * @param dir the export directory
     * @return criteria for (Image, float[])
     */
    public static Criteria<Image, float[]> criteria(Path dir) {
        return Criteria.builder()
                .setTypes(Image.class, float[].class)
                .optModelPath(dir)
                .optTranslatorFactory(new EncoderTranslatorFactory())
                .build();
    }

    /**
     * The criteria that load a fine-tuned classifier export ({@code amdim finetune}).
     *
     * @param dir the export directory
     * @return criteria for (Image, Classifications)
     */
    public static Criteria<Image, Classifications> classifierCriteria(Path dir) {
        return Criteria.builder()
                .setTypes(Image.class, Classifications.class)
                .optModelPath(dir)
                .optTranslatorFactory(new EncoderTranslatorFactory())
                .build();
    }

    /** {@inheritDoc} */
    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return SUPPORTED;
    }

    /** {@inheritDoc} */
    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(
            Class<I> input, Class<O> output, Model model, Map<String, ?> arguments) throws TranslateException {
        if (!isSupported(input, output)) {
            throw new IllegalArgumentException("an amdim4j export translates Image to float[] or Classifications,"
                    + " not " + input.getName() + " to " + output.getName());
        }
        try {
            ExportManifest manifest = ExportManifest.read(model.getModelPath());
            if (output == Classifications.class) {
                return (Translator<I, O>) new ClassifierTranslator(manifest);
            }
            if (manifest.hasClassifier()) {
                throw new IllegalArgumentException(model.getModelPath() + " holds a fine-tuned classifier: load it"
                        + " with setTypes(Image.class, Classifications.class)");
            }
            return (Translator<I, O>) new EncoderTranslator(manifest.augment(), manifest.output());
        } catch (IOException e) {
            throw new TranslateException(e.getMessage(), e);
        }
    }
}
