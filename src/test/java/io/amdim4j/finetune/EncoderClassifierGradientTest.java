package io.amdim4j.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.amdim4j.WithNDManager;
import io.amdim4j.loss.ClippedCrossEntropyLoss;
import io.amdim4j.model.ClassifierHead;
import io.amdim4j.model.EncoderClassifier;
import org.junit.jupiter.api.Test;

/** Unlike the online probes, the classifier's loss trains the encoder: fine-tuning is end to end. */
class EncoderClassifierGradientTest extends WithNDManager {

    @Test
    void theLossReachesEveryEncoderWeightAndTheHead() {
        EncoderClassifier net = ClassifierTrainingTest.tinyClassifier(ClassifierHead.MLP, manager);
        assertThat(net.getOutputShapes(new Shape[] {new Shape(5, 3, 32, 32)})[0]).isEqualTo(new Shape(5, 2));
        long encoderParams = net.encoder().summary().encoderParameters();
        long trainable = net.getParameters().values().stream().filter(p -> p.requiresGradient())
                .mapToLong(p -> p.getArray().size()).sum();
        assertThat(trainable).isEqualTo(encoderParams + ClassifierHead.MLP.parameters(32, 2));

        NDArray x = manager.randomNormal(new Shape(4, 3, 32, 32));
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.forward(new ParameterStore(manager, false), new NDList(x), true).head();
            assertThat(logits.getShape()).isEqualTo(new Shape(4, 2));
            collector.backward(ClippedCrossEntropyLoss.clippedCrossEntropy(logits, manager.create(new int[] {0, 1, 0, 1})));
        }
        String stem = net.encoder().getParameters().keys().get(0);
        assertThat(net.encoder().getParameters().get(stem).getArray().getGradient().abs().sum().getFloat())
                .as("gradient of %s", stem).isPositive();
        String last = net.head().getParameters().keys().get(net.head().getParameters().size() - 1);
        assertThat(net.head().getParameters().get(last).getArray().getGradient().abs().sum().getFloat()).isPositive();
    }
}
