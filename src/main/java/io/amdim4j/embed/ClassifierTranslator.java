package io.amdim4j.embed;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.amdim4j.augment.TestTransform;
import java.util.List;

/**
 * Image to class probabilities for a fine-tuned {@link io.amdim4j.model.EncoderClassifier}: the
 * run's test transform (spec §5.5), the classifier in inference mode, and a softmax over its logits
 * named by the export's class names.
 */
final class ClassifierTranslator implements Translator<Image, Classifications> {

    private final TestTransform transform;
    private final List<String> classNames;

    /**
     * @param manifest a classifier export's manifest
     */
    public ClassifierTranslator(ExportManifest manifest) {
        if (!manifest.hasClassifier()) {
            throw new IllegalArgumentException("this export holds an encoder, not a classifier: load it with"
                    + " setTypes(Image.class, float[].class)");
        }
        this.transform = EncoderTranslator.transform(manifest.augment());
        this.classNames = manifest.classifier().classNames();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        return EncoderTranslator.input(ctx, input, transform);
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        return new Classifications(classNames, list.singletonOrThrow().softmax(-1));
    }
}
