package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.ZooModel;
import io.amdim4j.embed.EncoderTranslatorFactory;
import io.amdim4j.finetune.FineTuning;
import io.amdim4j.finetune.FinetuneJson;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderClassifier;
import io.amdim4j.train.TrainedEncoder;
import io.amdim4j.train.TinyRun;
import io.amdim4j.train.WithTinyRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code amdim finetune} on a tiny run: the comparison table, finetune.json and a loadable classifier. */
class FinetuneCommandTest extends WithTinyRun {

    @TempDir
    Path tmp;

    @Test
    void printsTheComparisonWritesFinetuneJsonAndExportsAClassifier() throws Exception {
        Path out = tmp.resolve("classifier");
        CliRunner r = CliRunner.run("finetune", "--run-dir", run.root().toString(), "--label-fraction", "1",
                "--epochs", "2", "--batch-size", "4", "--validation-fraction", "0.2", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(FineTuning.PRETRAINED, FineTuning.RANDOM_INIT, "frozen, linear probe",
                "frozen, mlp probe", "Criteria<Image, Classifications>");

        FinetuneJson json = FinetuneJson.read(out.resolve(FinetuneJson.FILE));
        assertThat(json.result().arms()).hasSize(2);
        assertThat(json.result().fitImages() + json.result().validationImages())
                .isEqualTo(5 * TinyRun.PER_TRAIN_FILE);
        assertThat(json.result().testImages()).isEqualTo(TinyRun.TEST_IMAGES);
        assertThat(json.result().frozenProbes()).containsOnlyKeys("linear", "mlp");
        json.result().arms().forEach(arm -> {
            assertThat(arm.training().epochs()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            assertThat(arm.testAccuracy()).isBetween(0.0, 1.0);
        });
        assertThat(json.checkpoint()).isEqualTo(run.checkpoint(TinyRun.STEPS).toAbsolutePath().toString());

        Path png = tmp.resolve("x.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        try (ZooModel<Image, Classifications> model = EncoderTranslatorFactory.classifierCriteria(out).loadModel();
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            Classifications c = predictor.predict(ImageFactory.getInstance().fromFile(png));
            assertThat(c.getClassNames()).hasSize(10).contains("airplane", "truck");
            assertThat(c.getProbabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    /**
     * The pre-trained arm starts from the checkpoint's encoder: with the encoder frozen (--encoder-lr 0)
     * the exported classifier's encoder weights are the checkpoint's, bit for bit. An arm built from a
     * random (or any other) encoder fails here, whatever the accuracies of so small a run.
     */
    @Test
    void thePreTrainedArmIsTheCheckpointsEncoder() throws Exception {
        Path out = tmp.resolve("frozen");
        CliRunner r = CliRunner.run("finetune", "--run-dir", run.root().toString(), "--label-fraction", "1",
                "--epochs", "1", "--batch-size", "4", "--validation-fraction", "0.2", "--encoder-lr", "0",
                "--no-baselines", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Encoder checkpoint = TrainedEncoder.load(run.checkpoint(TinyRun.STEPS), manager).encoder();
        try (ZooModel<Image, Classifications> model = EncoderTranslatorFactory.classifierCriteria(out).loadModel()) {
            Encoder exported = ((EncoderClassifier) model.getBlock()).encoder();
            var expected = checkpoint.getParameters();
            var actual = exported.getParameters();
            assertThat(actual.keys()).isEqualTo(expected.keys());
            int compared = 0;
            for (int i = 0; i < expected.size(); i++) {
                String name = expected.get(i).getKey();
                if (name.contains("running")) {
                    continue; // batch-norm statistics follow the fine-tuning images even when the weights are frozen
                }
                assertThat(actual.get(i).getValue().getArray().toFloatArray()).as(name)
                        .containsExactly(expected.get(i).getValue().getArray().toFloatArray());
                compared++;
            }
            assertThat(compared).isGreaterThan(10);
        }
    }

    @Test
    void aNonEmptyOutIsRefusedBeforeTheCheckpointIsRead() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "someone's file");
        CliRunner r = CliRunner.run("finetune", "--checkpoint", tmp.resolve("absent.ckpt").toString(), "--out",
                out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains(out.toString()).contains("not empty").doesNotContain("absent.ckpt");
    }

    @Test
    void aLabelFractionOutsideTheUnitIntervalIsOneLine() {
        CliRunner r = CliRunner.run("finetune", "--run-dir", run.root().toString(), "--label-fraction", "0",
                "--out", tmp.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("amdim finetune: error: --label-fraction must be in (0, 1], got 0.0");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void imagesOfAnotherSizeThanTheRunsEncoderAreNamed() throws Exception {
        Path folder = tmp.resolve("gray");
        for (String split : new String[] {"train", "test"}) {
            for (String c : new String[] {"a", "b"}) {
                Path dir = Files.createDirectories(folder.resolve(split).resolve(c));
                for (int i = 0; i < 3; i++) {
                    ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png",
                            dir.resolve(i + ".png").toFile());
                }
            }
        }
        CliRunner r = CliRunner.run("finetune", "--run-dir", run.root().toString(), "--dataset", "folder:" + folder,
                "--train-split", "train", "--out", tmp.resolve("y").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("amdim finetune: error:").contains(folder.toString()).contains("28");
        assertThat(tmp.resolve("y")).doesNotExist();
    }
}
