package io.amdim4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import io.amdim4j.WithNDManager;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.data.RawImage;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export loads through Criteria exactly as a user would and gives the training path's embedding:
 * the run's TestTransform (spec §5.5) and Encoder.forward in inference mode.
 */
class ModelExporterTest extends WithNDManager {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    @Test
    void rgbExportPredictsTheTrainingPathEmbedding() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 11);
        Path dir = ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R1, tmp.resolve("cifar-export"));
        Random random = new Random(3);
        BufferedImage first = RgbImages.random(random);
        BufferedImage second = RgbImages.random(random);

        Criteria<Image, float[]> criteria = Criteria.builder()
                .setTypes(Image.class, float[].class)
                .optModelPath(dir)
                .optTranslatorFactory(new EncoderTranslatorFactory())
                .build();
        try (ZooModel<Image, float[]> model = criteria.loadModel();
                Predictor<Image, float[]> predictor = model.newPredictor()) {
            float[] one = predictor.predict(ImageFactory.getInstance().fromImage(first));
            List<float[]> both = predictor.batchPredict(List.of(
                    ImageFactory.getInstance().fromImage(first), ImageFactory.getInstance().fromImage(second)));

            float[] expectedOne = TinyEncoder.forward(encoder, manager, cifarInput(first), 1, EncoderOutput.R1);
            // the batch is compared with the same batch through the training path: the engine may pick
            // other kernels for another batch size, which changes the last bits
            float[] pair = concat(cifarInput(first), cifarInput(second));
            float[] expectedPair = TinyEncoder.forward(encoder, manager, pair, 2, EncoderOutput.R1);
            float[] expectedFirst = Arrays.copyOfRange(expectedPair, 0, TinyEncoder.N_RKHS);
            float[] expectedSecond = Arrays.copyOfRange(expectedPair, TinyEncoder.N_RKHS, 2 * TinyEncoder.N_RKHS);
            assertThat(one).hasSize(TinyEncoder.N_RKHS);
            assertClose(one, expectedOne);
            assertClose(both.get(0), expectedFirst);
            assertClose(both.get(1), expectedSecond);
            assertThat(expectedFirst).isNotEqualTo(expectedSecond);
        }
    }

    @Test
    void grayscale28ExportPadsTo32() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(1), 12);
        Path dir = ModelExporter.export(encoder, AugmentConfig.gray28(), EncoderOutput.R1, tmp.resolve("fashion-export"));
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(4);
        byte[] pixels = new byte[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = random.nextInt(256);
                pixels[y * 28 + x] = (byte) v;
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        float[] expectedInput = testInput(AugmentConfig.gray28(), new RawImage(1, 28, 28, pixels));
        assertThat(expectedInput).as("zero-padded to 32×32 (spec §5.4)").hasSize(32 * 32);
        assertClose(predict(dir, image), TinyEncoder.forward(encoder, manager, expectedInput, 1, EncoderOutput.R1));
    }

    @Test
    void aColourImageGivenToAOneChannelModelIsItsLuma() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(1), 20);
        Path dir = ModelExporter.export(encoder, AugmentConfig.gray28(), EncoderOutput.R1, tmp.resolve("luma"));
        BufferedImage image = RgbImages.random(new Random(6), 28, 28);
        RawImage grey = EncoderTranslator.toRawImage(interleavedRgb(image), 28, 28, 1);
        float[] expected = TinyEncoder.forward(encoder, manager, testInput(AugmentConfig.gray28(), grey), 1,
                EncoderOutput.R1);
        assertClose(predict(dir, image), expected);
    }

    @Test
    void stl64ExportResizesTheShorterSideAndCropsTheCentre() throws Exception {
        EncoderConfig config = new EncoderConfig(64, 3, TinyEncoder.NDF, TinyEncoder.N_RKHS, TinyEncoder.N_DEPTH, false);
        Encoder encoder = TinyEncoder.create(manager, config, 21);
        Path dir = ModelExporter.export(encoder, AugmentConfig.stl64(), EncoderOutput.R1, tmp.resolve("stl"));
        BufferedImage image = RgbImages.random(new Random(7), 80, 96);
        float[] expectedInput = testInput(AugmentConfig.stl64(), RgbImages.planar(image));
        assertThat(expectedInput).as("shorter side 70, centre crop 64 (spec §5.5)").hasSize(3 * 64 * 64);
        assertClose(predict(dir, image), TinyEncoder.forward(encoder, manager, expectedInput, 1, EncoderOutput.R1));
    }

    @Test
    void directoryCanBeRenamedAndTheFactoryGivenByName() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 13);
        Path exported = ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R5, tmp.resolve("a"));
        Path renamed = Files.move(exported, tmp.resolve("renamed by the user"));
        BufferedImage image = RgbImages.random(new Random(5));

        Criteria<Image, float[]> criteria = Criteria.builder()
                .setTypes(Image.class, float[].class)
                .optModelPath(renamed)
                .optArgument("translatorFactory", "io.amdim4j.embed.EncoderTranslatorFactory")
                .build();
        try (ZooModel<Image, float[]> model = criteria.loadModel();
                Predictor<Image, float[]> predictor = model.newPredictor()) {
            float[] r5 = predictor.predict(ImageFactory.getInstance().fromImage(image));
            assertThat(r5).hasSize(TinyEncoder.N_RKHS * 5 * 5);
            assertClose(r5, TinyEncoder.forward(encoder, manager, cifarInput(image), 1, EncoderOutput.R5));
        }
    }

    /**
     * Why the user's Criteria names the translator factory: DJL 0.36 picks the factory before it
     * reads serving.properties. If a DJL upgrade makes this load, the README snippet can drop it.
     */
    @Test
    void djlAloneDoesNotFindTheTranslatorFactoryInServingProperties() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 19);
        Path dir = ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R1, tmp.resolve("plain"));
        Criteria<Image, float[]> plain = Criteria.builder()
                .setTypes(Image.class, float[].class)
                .optModelPath(dir)
                .build();
        assertThatThrownBy(plain::loadModel).isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void theDirectoryAndItsFilesAreReadableByAllLikeEveryOtherOutput() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 14);
        Path dir = ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R1, tmp.resolve("shared"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-xr-x");
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-r--r--");
            }
        }
    }

    @Test
    void directoryHoldsParametersDescriptionAndServingProperties() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 14);
        Path dir = ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R1, tmp.resolve("x"));

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("amdim-encoder-0000.params", "amdim-model.json", "serving.properties");
        }
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(dir.resolve("serving.properties"))) {
            props.load(reader);
        }
        assertThat(props.getProperty("engine")).isEqualTo("PyTorch");
        assertThat(props.getProperty("blockFactory")).isEqualTo(EncoderBlockFactory.class.getName());
        assertThat(props.getProperty("translatorFactory")).isEqualTo(EncoderTranslatorFactory.class.getName());
        assertThat(props.getProperty("option.hasParameter")).isEqualTo("false");

        ExportManifest manifest = ExportManifest.read(dir);
        assertThat(manifest.encoder()).isEqualTo(encoder.getConfig());
        assertThat(manifest.augment()).isEqualTo(AugmentConfig.cifar32());
        assertThat(manifest.output()).isEqualTo(EncoderOutput.R1);
        assertThat(Files.readString(dir.resolve("amdim-model.json")))
                .contains("\"output\" : \"r1\"", "\"n_rkhs\" : 64", "\"name\" : \"cifar32\"");
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings).as("no staging directory left behind").containsExactly(dir);
        }
    }

    @Test
    void refusesToOverwriteANonEmptyDirectory() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 15);
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R1, dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("busy")
                .hasMessageContaining("refuses to overwrite");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void rejectsAnAugmentationThatDoesNotFitTheEncoder() {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 16);
        assertThatThrownBy(() -> ModelExporter.export(
                        encoder, AugmentConfig.gray28(), EncoderOutput.R1, tmp.resolve("bad")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1×32×32")
                .hasMessageContaining("3×32×32");
    }

    @Test
    void missingDescriptionIsNamedWhenLoading() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 17);
        Path dir = ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R1, tmp.resolve("broken"));
        Files.delete(dir.resolve(ExportManifest.FILE_NAME));
        assertThatThrownBy(() -> EncoderTranslatorFactory.criteria(dir).loadModel())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve(ExportManifest.FILE_NAME).toString())
                .hasMessageContaining("missing");
    }

    @Test
    void mismatchedParametersAreNamedWhenLoading() throws Exception {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 18);
        Path dir = ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R1, tmp.resolve("mismatch"));
        // claim a wider encoder than the parameters hold
        String json = Files.readString(dir.resolve(ExportManifest.FILE_NAME)).replace("\"ndf\" : 8", "\"ndf\" : 16");
        Files.writeString(dir.resolve(ExportManifest.FILE_NAME), json);
        assertThatThrownBy(() -> EncoderTranslatorFactory.criteria(dir).loadModel())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("amdim-encoder-0000.params");
    }

    private static byte[] interleavedRgb(BufferedImage image) {
        RawImage planar = RgbImages.planar(image);
        int area = image.getHeight() * image.getWidth();
        byte[] hwc = new byte[3 * area];
        for (int i = 0; i < area; i++) {
            for (int c = 0; c < 3; c++) {
                hwc[3 * i + c] = planar.pixels()[c * area + i];
            }
        }
        return hwc;
    }

    /** The training path's input: the family's test transform (spec §5.5). */
    private static float[] testInput(AugmentConfig augment, RawImage image) {
        return new TestTransform(augment).apply(image).data();
    }

    private static float[] cifarInput(BufferedImage image) {
        return testInput(AugmentConfig.cifar32(), RgbImages.planar(image));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** One prediction through the one-call factory of an exported directory. */
    private static float[] predict(Path dir, BufferedImage image) throws Exception {
        try (ZooModel<Image, float[]> model = EncoderTranslatorFactory.criteria(dir).loadModel();
                Predictor<Image, float[]> predictor = model.newPredictor()) {
            return predictor.predict(ImageFactory.getInstance().fromImage(image));
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
