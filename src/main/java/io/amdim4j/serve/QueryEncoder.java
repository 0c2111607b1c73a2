package io.amdim4j.serve;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.amdim4j.embed.EncoderTranslatorFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The exported encoder ({@code amdim export}) that embeds uploaded images, loaded once. A DJL
 * predictor is not safe to share between threads, so uploads are embedded one at a time; row
 * queries, the common case, never come here.
 */
final class QueryEncoder implements AutoCloseable {

    private final Path dir;
    private final ZooModel<ai.djl.modality.cv.Image, float[]> model;
    private final Predictor<ai.djl.modality.cv.Image, float[]> predictor;

    private QueryEncoder(Path dir, ZooModel<ai.djl.modality.cv.Image, float[]> model) {
        this.dir = dir;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /**
     * Loads the export in {@code dir}.
     *
     * @throws IOException naming {@code dir} if it holds no loadable export
     */
    static QueryEncoder load(Path dir) throws IOException {
        try {
            return new QueryEncoder(dir, EncoderTranslatorFactory.criteria(dir).loadModel());
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("--model " + dir + ": not an exported encoder (amdim export): " + e.getMessage(), e);
        }
    }

    /** The export directory, for messages. */
    Path dir() {
        return dir;
    }

    /**
     * The embedding of one decoded image.
     *
     * @throws ApiException (400) if the encoder cannot take the image
     */
    synchronized float[] embed(BufferedImage image) {
        try {
            return predictor.predict(ImageFactory.getInstance().fromImage(image));
        } catch (TranslateException | RuntimeException e) {
            throw new ApiException(ApiException.BAD_REQUEST, "the encoder (--model " + dir + ") cannot embed this "
                    + image.getWidth() + "x" + image.getHeight() + " image: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }
}
