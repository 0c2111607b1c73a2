package io.amdim4j.examples;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.amdim4j.embed.EncoderTranslatorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads an encoder exported by {@code amdim export} (or {@code ModelExporter}), embeds every image
 * of a folder and prints each image's nearest neighbour by cosine similarity.
 *
 * <pre>NearestNeighbours MODEL_DIR IMAGE_DIR</pre>
 */
public final class NearestNeighbours {

    private NearestNeighbours() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: NearestNeighbours MODEL_DIR IMAGE_DIR");
            System.exit(2);
        }
        Path modelDir = Path.of(args[0]);
        if (!Files.isDirectory(Path.of(args[1]))) {
            System.err.println("NearestNeighbours: image folder " + args[1] + " is not a directory");
            System.exit(2);
        }
        List<Path> images = imagesIn(Path.of(args[1]));
        if (images.size() < 2) {
            System.err.println("NearestNeighbours: " + args[1] + " holds " + images.size()
                    + " image(s) (.png, .jpg, .jpeg); a neighbour needs at least 2");
            System.exit(2);
        }

        Criteria<Image, float[]> criteria = Criteria.builder()
                .setTypes(Image.class, float[].class)
                .optModelPath(modelDir)
                .optTranslatorFactory(new EncoderTranslatorFactory())
                .build();
        List<float[]> embeddings = new ArrayList<>();
        try (ZooModel<Image, float[]> model = criteria.loadModel();
                Predictor<Image, float[]> predictor = model.newPredictor()) {
            for (Path file : images) {
                Image image = ImageFactory.getInstance().fromFile(file);
                embeddings.add(unitLength(predictor.predict(image)));
            }
        }

        for (int i = 0; i < images.size(); i++) {
            int best = -1;
            double bestCosine = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < images.size(); j++) {
                double cosine = dot(embeddings.get(i), embeddings.get(j));
                if (j != i && cosine > bestCosine) {
                    best = j;
                    bestCosine = cosine;
                }
            }
            System.out.printf(Locale.ROOT, "%s -> %s (cosine %.4f)%n", images.get(i).getFileName(),
                    images.get(best).getFileName(), bestCosine);
        }
    }

    private static List<Path> imagesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"))
                    .sorted()
                    .toList();
        }
    }

    /** Scaled to length 1, so that a dot product is the cosine. */
    private static float[] unitLength(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / Math.max(norm, 1e-12));
        }
        return unit;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
