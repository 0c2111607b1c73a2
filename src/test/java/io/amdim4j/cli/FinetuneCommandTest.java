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
