package io.amdim4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import io.amdim4j.WithNDManager;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.model.ClassifierHead;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderClassifier;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fine-tuned classifier exports to a directory that one Criteria<Image, Classifications> loads. */
class ClassifierExportTest extends WithNDManager {

    private static final List<String> CLASSES = List.of("cat", "dog", "ship");

    @TempDir
    Path tmp;

    @Test
    void loadsWithOneCriteriaAndGivesTheTrainingPathsProbabilitiesByClassName() throws Exception {
        for (ClassifierHead head : ClassifierHead.values()) {
            EncoderClassifier net = classifier(head);
            Path dir = ModelExporter.export(net, AugmentConfig.cifar32(), CLASSES, tmp.resolve(head.key()));
            assertThat(ExportManifest.read(dir).classifier().classNames()).isEqualTo(CLASSES);

            BufferedImage image = RgbImages.random(new Random(3));
            float[] input = new TestTransform(AugmentConfig.cifar32()).apply(RgbImages.planar(image)).data();
            float[] expected;
            try (var step = manager.newSubManager()) {
                NDArray x = step.create(input, new Shape(1, 3, 32, 32));
                expected = net.forward(new ParameterStore(step, false), new NDList(x), false).head().softmax(-1)
                        .toFloatArray();
            }
            try (ZooModel<Image, Classifications> model = EncoderTranslatorFactory.classifierCriteria(dir).loadModel();
                    Predictor<Image, Classifications> predictor = model.newPredictor()) {
                Classifications result = predictor.predict(ImageFactory.getInstance().fromImage(image));
                assertThat(result.getClassNames()).containsExactlyElementsOf(CLASSES);
                for (int c = 0; c < CLASSES.size(); c++) {
                    assertThat(result.getProbabilities().get(c)).as("%s, %s", head, CLASSES.get(c))
                            .isCloseTo(expected[c], within(1e-5));
                }
            }
        }
    }

    @Test
    void eachExportRefusesTheOtherOutputType() throws Exception {
        Path classifierDir = ModelExporter.export(classifier(ClassifierHead.LINEAR), AugmentConfig.cifar32(), CLASSES,
                tmp.resolve("classifier"));
        assertThatThrownBy(() -> EncoderTranslatorFactory.criteria(classifierDir).loadModel())
                .hasMessageContaining("Classifications");
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 3);
        Path encoderDir = ModelExporter.export(encoder, AugmentConfig.cifar32(), EncoderOutput.R1, tmp.resolve("enc"));
        assertThatThrownBy(() -> EncoderTranslatorFactory.classifierCriteria(encoderDir).loadModel())
                .hasMessageContaining("float[]");
    }

    @Test
    void classNamesMustMatchTheHeadAndAParameterFileOfAnotherHeadIsNamed() throws Exception {
        EncoderClassifier net = classifier(ClassifierHead.LINEAR);
        assertThatThrownBy(() -> ModelExporter.export(net, AugmentConfig.cifar32(), List.of("a", "b"), tmp.resolve("x")))
                .hasMessageContaining("2 class names").hasMessageContaining("3 classes");
        Path dir = ModelExporter.export(net, AugmentConfig.cifar32(), CLASSES, tmp.resolve("swap"));
        Path manifest = dir.resolve(ExportManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"LINEAR\"", "\"MLP\""));
        assertThatThrownBy(() -> EncoderTranslatorFactory.classifierCriteria(dir).loadModel())
                .hasMessageContaining("amdim-encoder-0000.params");
    }

    private EncoderClassifier classifier(ClassifierHead head) {
        Encoder encoder = TinyEncoder.create(manager, TinyEncoder.config(3), 11);
        EncoderClassifier net = EncoderClassifier.builder().setEncoder(encoder).optHead(head)
                .setNumClasses(CLASSES.size()).build();
        net.initialize(manager, DataType.FLOAT32, encoder.inputShape(2));
        return net;
    }
}
