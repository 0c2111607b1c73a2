package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.amdim4j.WithNDManager;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.data.Sample;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.run.EvalResult;
import io.amdim4j.run.MethodEvaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trained encoder beside its baselines, on in-memory images (spec §6.2, §6.3). */
class EncoderEvaluationTest extends WithNDManager {

    private static final int R = 32;
    private static final EncoderConfig TINY = new EncoderConfig(32, 3, 8, R, 1, false);
    private static final int CLASSES = 3;

    /** Linear (one λ, so no validation fits) and kNN, one seed, all labels, 2 BN batches. */
    private static EvalConfig config(EvalConfig.Protocol... protocols) {
        return EvalConfig.defaults().withProtocols(List.of(protocols)).withSeeds(1, 3).withBnBatches(2)
                .withProbes(new LinearEval.Settings(List.of(1e-3), 30), MlpEval.Settings.defaults(),
                        new KnnEval.Settings(List.of(5), KnnEval.Settings.DEFAULT_TEMPERATURE, 64));
    }

    private EncoderEvaluation evaluation(List<String> log) {
        return new EncoderEvaluation(config(EvalConfig.Protocol.LINEAR, EvalConfig.Protocol.KNN),
                new ClippedCrossEntropyForTests(), manager, log::add);
    }

    /** kNN only, where the probe does not matter. */
    private EncoderEvaluation knnOnly() {
        return new EncoderEvaluation(config(EvalConfig.Protocol.KNN), new ClippedCrossEntropyForTests(), manager,
                line -> {});
    }

    private static EvalImages images(ImageDataset train, ImageDataset test) {
        return new EvalImages(train, test, AugmentConfig.cifar32(), 8, 1);
    }

    @Test
    void theEncoderComesFirstThenRandomInitThenPixels() {
        Encoder trained = EncoderEvaluation.randomInit(TINY, 11, manager);
        List<String> log = new ArrayList<>();
        List<String> finishedBefore = new ArrayList<>();
        List<MethodEvaluation> finished = new ArrayList<>();
        List<MethodEvaluation> methods = evaluation(log).evaluate(trained,
                images(new SquareImages(30, CLASSES, 1), new SquareImages(15, CLASSES, 2)), true, done -> {
                    MethodEvaluation m = done.get(done.size() - 1);
                    assertThat(done.subList(0, done.size() - 1)).isEqualTo(finished); // the earlier ones, unchanged
                    finished.add(m);
                    // each method is handed over when it is done, before the next one starts
                    finishedBefore.add(m.report().method() + "@" + log.size());
                });

        assertThat(methods).extracting(m -> m.report().method())
                .containsExactly(EncoderEvaluation.TRAINED, EncoderEvaluation.RANDOM_INIT, RawPixelFeatures.NAME)
                .isEqualTo(EncoderEvaluation.methodNames(true));
        assertThat(finished).isEqualTo(methods);
        assertThat(finishedBefore).containsExactly("amdim@4", "random-init@8", "pixels@12");
        assertThat(EncoderEvaluation.methodNames(false)).containsExactly(EncoderEvaluation.TRAINED);
        assertThat(methods).extracting(m -> m.report().featureSet()).containsExactly("r1", "r1", "pixels");
        assertThat(methods).extracting(MethodEvaluation::dimension).containsExactly(R, R, 3 * 32 * 32);
        for (MethodEvaluation m : methods) {
            assertThat(m.report().trainCount()).isEqualTo(30);
            assertThat(m.report().testCount()).isEqualTo(15);
            assertThat(m.report().numClasses()).isEqualTo(CLASSES);
            assertThat(m.report().results()).extracting(EvalResult::protocol).containsExactly("linear", "knn-k5");
            assertThat(m.report().results()).allSatisfy(r -> assertThat(r.mean()).isBetween(0.0, 1.0));
            assertThat(m.extractionSeconds()).isPositive();
            assertThat(m.totalSeconds()).isEqualTo(m.extractionSeconds() + m.report().seconds());
        }
        // the squares are linearly separable in pixel space
        assertThat(methods.get(2).report().result("linear", 1.0).orElseThrow().mean()).isEqualTo(1.0);
        // per method: the start, one line per fit with its test accuracy, the end
        assertThat(log).hasSize(12).anySatisfy(line -> assertThat(line).startsWith("random-init: 32-dim features"));
        assertThat(log.get(9)).startsWith("pixels: 100% labels, seed 1 of 1: linear 100.00% (");
        assertThat(log.get(10)).startsWith("pixels: 100% labels, seed 1 of 1: knn-k5 ").endsWith(" s)");
    }

    @Test
    void onlyBatchNormStatisticsChangeAndOnlyTrainingImagesSetThem() {
        ImageDataset train = new SquareImages(24, CLASSES, 1);
        Encoder first = EncoderEvaluation.randomInit(TINY, 5, manager);
        Map<String, float[]> before = parameters(first);
        List<MethodEvaluation> methods = knnOnly().evaluate(first, images(train, new SquareImages(9, CLASSES, 2)), false);
        assertThat(methods).extracting(m -> m.report().method()).containsExactly(EncoderEvaluation.TRAINED);

        // the same encoder with very different test images ends with the same statistics
        Encoder second = EncoderEvaluation.randomInit(TINY, 5, manager);
        knnOnly().evaluate(second, images(train, new SquareImages(9, CLASSES, 2, 190, 0)), false);

        Map<String, float[]> afterFirst = parameters(first);
        Map<String, float[]> afterSecond = parameters(second);
        int statistics = 0;
        for (Pair<String, Parameter> p : first.getParameters()) {
            String name = p.getKey();
            assertThat(afterSecond.get(name)).as(name).containsExactly(afterFirst.get(name));
            Parameter.Type type = p.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                statistics++;
                assertThat(afterFirst.get(name)).as(name).isNotEqualTo(before.get(name));
            } else {
                assertThat(afterFirst.get(name)).as(name).containsExactly(before.get(name));
            }
        }
        assertThat(statistics).isPositive();
    }

    @Test
    void unlabelledTrainingImagesAreNotFittedOn() {
        Encoder trained = EncoderEvaluation.randomInit(TINY, 5, manager);
        List<MethodEvaluation> methods = knnOnly().evaluate(trained,
                images(new SquareImages(30, CLASSES, 1, 0, 3), new SquareImages(6, CLASSES, 2)), false);
        // every third image (index 0, 3, ...) has no label
        assertThat(methods.get(0).report().trainCount()).isEqualTo(20);
    }

    @Test
    void theRandomInitialisationIsFixedBySeed() {
        Map<String, float[]> a = parameters(EncoderEvaluation.randomInit(TINY, 0, manager));
        Map<String, float[]> b = parameters(EncoderEvaluation.randomInit(TINY, 0, manager));
        Map<String, float[]> c = parameters(EncoderEvaluation.randomInit(TINY, 1, manager));
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((name, values) -> assertThat(b.get(name)).as(name).containsExactly(values));
        assertThat(a.entrySet()).anySatisfy(e -> assertThat(c.get(e.getKey())).isNotEqualTo(e.getValue()));
    }

    @Test
    void imagesTheEncoderCannotReadAreRefusedBeforeAnyWork() {
        ImageDataset gray = new ImageDataset() {
            @Override
            public int size() {
                return 4;
            }

            @Override
            public Sample get(int index) {
                return new Sample(new RawImage(1, 28, 28, new byte[28 * 28]), index % 2);
            }

            @Override
            public List<String> classNames() {
                return List.of("a", "b");
            }

            @Override
            public String describe() {
                return "gray28";
            }
        };
        Encoder trained = EncoderEvaluation.randomInit(TINY, 5, manager);
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> evaluation(log).evaluate(trained, images(new SquareImages(4, 2, 1), gray), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gray28: ")
                .hasMessageContaining("28x28");
        assertThat(log).isEmpty();
        // the transform accepts these images but makes 32 px views for a 64 px encoder
        EvalImages squares = images(new SquareImages(4, 2, 1), new SquareImages(4, 2, 2));
        assertThatThrownBy(() -> squares.checkFits(new EncoderConfig(64, 3, 8, 64, 1, false)))
                .hasMessageContaining("squares(4, seed 1) gives 3×32×32 images under the cifar32 test transform")
                .hasMessageContaining("the encoder expects 3×64×64");
    }

    @Test
    void aLabelFractionTooSmallForTheClassesFailsBeforeAnyWork() {
        Encoder trained = EncoderEvaluation.randomInit(TINY, 5, manager);
        List<String> log = new ArrayList<>();
        EncoderEvaluation tooFew = new EncoderEvaluation(config(EvalConfig.Protocol.KNN)
                .withLabelFractions(List.of(LabelFraction.ALL, LabelFraction.of(0.1))),
                new ClippedCrossEntropyForTests(), manager, log::add);
        // 10% of 20 labelled images is 2, fewer than one per class
        assertThatThrownBy(() -> tooFew.evaluate(trained,
                images(new SquareImages(20, CLASSES, 1), new SquareImages(3, CLASSES, 2)), false))
                .hasMessageStartingWith("squares(20, seed 1): label fraction 0.1")
                .hasMessageContaining("(3 classes)");
        assertThat(log).isEmpty();
    }

    @Test
    void badLoadingSettingsAreNamed() {
        ImageDataset images = new SquareImages(4, 2, 1);
        assertThatThrownBy(() -> new EvalImages(images, images, AugmentConfig.cifar32(), 0, 1))
                .hasMessageContaining("batch size");
        assertThatThrownBy(() -> new EvalImages(images, images, AugmentConfig.cifar32(), 4, 0))
                .hasMessageContaining("loader threads");
        assertThatThrownBy(() -> new EvalImages(new SquareImages(0, 2, 1), images, AugmentConfig.cifar32(), 4, 1))
                .hasMessageContaining("squares(0, seed 1) has no image");
    }

    private static Map<String, float[]> parameters(Encoder encoder) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : encoder.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
