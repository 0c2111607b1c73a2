package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import io.amdim4j.augment.FloatImage;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.data.RawImage;
import io.amdim4j.embed.EncoderOutput;
import io.amdim4j.embed.EncoderTranslatorFactory;
import io.amdim4j.embed.RgbImages;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.WithTinyRun;
import io.amdim4j.train.TrainedEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amdim export} of a real (tiny) run loads through Criteria and predicts the checkpoint's embedding. */
class ExportCommandTest extends WithTinyRun {

    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    @Test
    void exportOfACheckpointPredictsItsEncoderOnTheTestTransform() throws Exception {
        Path checkpoint = run.checkpoint(TinyRun.STEPS);
        Path out = tmp.resolve("model");
        CliRunner r = CliRunner.run("export", "--checkpoint", checkpoint.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(out.toAbsolutePath().toString()).contains("cifar32").contains("r1");

        TrainedEncoder trained = TrainedEncoder.load(checkpoint, manager);
        BufferedImage image = RgbImages.random(new Random(1));
        float[] expected = directForward(trained, RgbImages.planar(image), EncoderOutput.R1);
        assertThat(expected).hasSize(TinyRun.N_RKHS);
        assertClose(predict(out, image), expected);
    }

    @Test
    void exportOfARunDirectoryUsesItsNewestCheckpointAndTheRequestedOutput() throws Exception {
        Path out = tmp.resolve("r5");
        CliRunner r = CliRunner.run("export", "--run-dir", run.root().toString(), "--out", out.toString(),
                "--output", "r5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(run.checkpoint(TinyRun.STEPS).toString());

        TrainedEncoder trained = TrainedEncoder.load(run.checkpoint(TinyRun.STEPS), manager);
        BufferedImage image = RgbImages.random(new Random(2));
        float[] actual = predict(out, image);
        assertThat(actual).hasSize(TinyRun.N_RKHS * 5 * 5);
        assertClose(actual, directForward(trained, RgbImages.planar(image), EncoderOutput.R5));
    }

    @Test
    void exactlyOneSourceIsRequired() {
        Path out = tmp.resolve("none");
        CliRunner neither = CliRunner.run("export", "--out", out.toString());
        assertThat(neither.exitCode()).isNotZero();
        assertThat(neither.err()).contains("--checkpoint").contains("--run-dir");

        CliRunner both = CliRunner.run("export", "--checkpoint", run.checkpoint(1).toString(),
                "--run-dir", run.root().toString(), "--out", out.toString());
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(out).doesNotExist();
    }

    @Test
    void badSourcesAreNamed() throws IOException {
        Path missing = tmp.resolve("step-00000009.ckpt");
        CliRunner r = CliRunner.run("export", "--checkpoint", missing.toString(), "--out", tmp.resolve("a").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("amdim export: error").contains(missing.toString());

        CliRunner dir = CliRunner.run("export", "--checkpoint", run.root().toString(), "--out",
                tmp.resolve("b").toString());
        assertThat(dir.exitCode()).isEqualTo(2);
        assertThat(dir.err()).contains("is a directory").contains("--run-dir");

        Path occupied = Files.createDirectories(tmp.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "mine");
        CliRunner busy = CliRunner.run("export", "--run-dir", run.root().toString(), "--out", occupied.toString());
        assertThat(busy.exitCode()).isEqualTo(2);
        assertThat(busy.err()).contains(occupied.toString()).contains("refuses to overwrite");
    }

    /** The README's snippet, word for word. */
    private static float[] predict(Path dir, BufferedImage image) throws Exception {
        Criteria<Image, float[]> criteria = Criteria.builder()
                .setTypes(Image.class, float[].class)
                .optModelPath(dir)
                .optTranslatorFactory(new EncoderTranslatorFactory())
                .build();
        try (ZooModel<Image, float[]> model = criteria.loadModel();
                Predictor<Image, float[]> predictor = model.newPredictor()) {
            return predictor.predict(ImageFactory.getInstance().fromImage(image));
        }
    }

    /** The training path: the run's TestTransform, then Encoder.forward in inference mode. */
    private float[] directForward(TrainedEncoder trained, RawImage image, EncoderOutput output) {
        FloatImage x = new TestTransform(trained.augment()).apply(image);
        try (NDManager step = manager.newSubManager()) {
            NDArray input = step.create(x.data(), new Shape(1, x.channels(), x.height(), x.width()));
            NDList out = trained.encoder().forward(new ParameterStore(step, false), new NDList(input), false);
            return out.get(output.index()).toFloatArray();
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
