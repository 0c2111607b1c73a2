package io.amdim4j.embed;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An encoder written by {@code amdim export}, loaded once to embed single images: the query of
 * {@code amdim search --image} and the uploads of {@code amdim serve}. Images of any size are brought
 * to the encoder's input as {@code amdim embed} brings an image folder's ({@link EncoderTranslator}).
 *
 * <p>One image at a time: a DJL predictor is not to be shared by threads, so {@link #embed} is
 * synchronized.
 */
public final class ExportedEncoder implements AutoCloseable {

    private final Path dir;
    private final ZooModel<Image, float[]> model;
    private final Predictor<Image, float[]> predictor;

    private ExportedEncoder(Path dir, ZooModel<Image, float[]> model) {
        this.dir = dir;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /**
     * Loads the encoder of an exported model directory.
     *
     * @param dir the directory {@code amdim export} wrote
     * @return the encoder; close it to release the engine's arrays
     * @throws IOException naming {@code dir} if it holds no exported encoder
     */
    public static ExportedEncoder load(Path dir) throws IOException {
        try {
            return new ExportedEncoder(dir, EncoderTranslatorFactory.criteria(dir).loadModel());
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("--model " + dir + ": not an exported encoder (amdim export): " + e.getMessage(), e);
        }
    }

    /**
     * Where the encoder was loaded from, for messages.
     *
     * @return the exported model directory
     */
    public Path dir() {
        return dir;
    }

    /**
     * The embedding of one image.
     *
     * @param image the image, of any size
     * @return the encoder's output vector
     * @throws TranslateException if the encoder cannot take the image
     */
    public synchronized float[] embed(Image image) throws TranslateException {
        return predictor.predict(image);
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }
}
