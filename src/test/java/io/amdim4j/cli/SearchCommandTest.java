package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.ZooModel;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.embed.EncoderTranslatorFactory;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.WithTinyRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run's test split, embedded, indexed and searched through the commands a user types. */
class SearchCommandTest extends WithTinyRun {

    private static Path embeddings;
    private static Path index;
    private static ImageDataset test;

    @TempDir
    Path tmp;

    @BeforeAll
    static void embedAndIndex() throws IOException {
        String dataset = "cifar10:" + shared.resolve("cifar");
        test = DatasetSpec.parse(dataset).open(io.amdim4j.data.Split.TEST);
        embeddings = shared.resolve("emb");
        index = shared.resolve("index");
        expectOk(CliRunner.run("embed", "--run-dir", run.root().toString(), "--dataset", dataset, "--out",
                embeddings.toString(), "--no-progress"));
        expectOk(CliRunner.run("export", "--run-dir", run.root().toString(), "--out", shared.resolve("r1").toString()));
        expectOk(CliRunner.run("export", "--run-dir", run.root().toString(), "--out", shared.resolve("r5").toString(),
                "--output", "r5"));
        CliRunner built = CliRunner.run("index", "--embeddings", embeddings.toString(), "--out", index.toString());
        expectOk(built);
        assertThat(built.out()).contains("indexed " + TinyRun.TEST_IMAGES + " vectors of " + TinyRun.N_RKHS);
    }

    @Test
    void aRowFindsItselfFirstWithItsLabel() {
        CliRunner r = expectOk(CliRunner.run("search", "--index", index.toString(), "--row", "2", "-k", "3"));
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("1  2  1.0000  " + className(2) + "  2");
    }

    @Test
    void anImageFileIsEmbeddedByTheExportedEncoderAndFindsItsOwnRow() throws Exception {
        Path png = tmp.resolve("query.png");
        ImageIO.write(toImage(test.get(4).image()), "png", png.toFile());
        CliRunner r = expectOk(CliRunner.run("search", "--index", index.toString(), "--image", png.toString(),
                "--model", shared.resolve("r1").toString(), "-k", "2"));
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("1  4  1.0000  ");
    }

    /**
     * A picture of any size is resized to the encoder's input, not refused: a one-colour picture of
     * any size must get exactly the vector of the same colour at the encoder's 32x32 (no crop or
     * padding of a 1x1 picture could), and a real picture at twice the size still finds its own row
     * among the nearest. (The tiny encoder puts different test images within cosine 1e-3 of each
     * other, so the rank of its own row alone would be luck.)
     */
    @Test
    void anImageOfAnotherSizeIsResizedToTheEncodersInputAsEmbedResizesFolders() throws Exception {
        try (ZooModel<Image, float[]> encoder = EncoderTranslatorFactory.criteria(shared.resolve("r1")).loadModel();
                Predictor<Image, float[]> predictor = encoder.newPredictor()) {
            float[] native32 = predictor.predict(ImageFactory.getInstance().fromImage(filled(32, 32)));
            for (int[] size : new int[][] {{64, 64}, {100, 80}, {1, 1}}) {
                float[] resized = predictor.predict(ImageFactory.getInstance().fromImage(filled(size[0], size[1])));
                assertThat(resized).as(size[0] + "x" + size[1]).containsExactly(native32,
                        org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
        RawImage own = test.get(4).image();
        Path twice = tmp.resolve("twice.png");
        ImageIO.write(scaled(toImage(own), 2 * own.width(), 2 * own.height()), "png", twice.toFile());
        CliRunner r = expectOk(CliRunner.run("search", "--index", index.toString(), "--image", twice.toString(),
                "--model", shared.resolve("r1").toString(), "-k", "3"));
        List<String> hits = r.out().lines().skip(1).toList();
        assertThat(hits).hasSize(3);
        assertThat(hits).anyMatch(h -> h.split("  ")[1].equals("4"));
        for (int[] size : new int[][] {{100, 80}, {1, 1}}) {
            Path odd = tmp.resolve(size[0] + "x" + size[1] + ".png");
            ImageIO.write(scaled(toImage(own), size[0], size[1]), "png", odd.toFile());
            CliRunner other = expectOk(CliRunner.run("search", "--index", index.toString(), "--image", odd.toString(),
                    "--model", shared.resolve("r1").toString(), "-k", "3"));
            assertThat(other.out().lines().toList()).as(odd.toString()).hasSize(4);
        }
    }

    private static BufferedImage filled(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0x4080c0);
            }
        }
        return image;
    }


    @Test
    void noCandidatesOrNoResultsAreRefusedAsTheCommandLineIsRead() {
        for (String option : List.of("--candidates", "-k")) {
            CliRunner r = CliRunner.run("search", "--index", index.toString(), "--row", "0", option, "0");
            assertThat(r.exitCode()).as(option).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElseThrow()).as(option).contains(option).contains("at least 1");
            assertThat(r.out()).as(option).isEmpty();
        }
    }

    @Test
    void anEncoderOfAnotherOutputIsRefusedNamingBothDimensions() throws Exception {
        Path png = tmp.resolve("query.png");
        ImageIO.write(toImage(test.get(0).image()), "png", png.toFile());
        CliRunner r = CliRunner.run("search", "--index", index.toString(), "--image", png.toString(), "--model",
                shared.resolve("r5").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("amdim search: error:").contains(TinyRun.N_RKHS * 25 + "-dimensional")
                .contains(TinyRun.N_RKHS + "-dimensional").contains(shared.resolve("r5").toString());
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void anImageWithoutAModelAndAMissingIndexAreNamed() {
        CliRunner noModel = CliRunner.run("search", "--index", index.toString(), "--image", "x.png");
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains("--image needs --model");
        CliRunner noIndex = CliRunner.run("search", "--index", embeddings.toString(), "--row", "0");
        assertThat(noIndex.exitCode()).isEqualTo(2);
        assertThat(noIndex.err()).contains(embeddings.toString()).contains("is not a vector index");
    }

    @Test
    void duplicatesAtThresholdMinusOneListEveryPairOnce() {
        CliRunner r = expectOk(CliRunner.run("search", "--index", index.toString(), "--duplicates", "--threshold", "-1",
                "-k", "10"));
        int n = TinyRun.TEST_IMAGES;
        assertThat(r.out()).startsWith(n * (n - 1) / 2 + " pairs with cosine >= -1.0000");
    }

    private static String className(int row) {
        return test.classNames().get(test.get(row).label());
    }

    private static BufferedImage toImage(RawImage raw) {
        BufferedImage image = new BufferedImage(raw.width(), raw.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < raw.height(); y++) {
            for (int x = 0; x < raw.width(); x++) {
                image.setRGB(x, y, raw.get(0, y, x) << 16 | raw.get(1, y, x) << 8 | raw.get(2, y, x));
            }
        }
        return image;
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, width, height, null); // nearest neighbour: Java2D's default
        g.dispose();
        return out;
    }

    private static CliRunner expectOk(CliRunner r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }
}
