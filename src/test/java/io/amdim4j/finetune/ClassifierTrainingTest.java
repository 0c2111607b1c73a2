package io.amdim4j.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import io.amdim4j.WithNDManager;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.model.ClassifierHead;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderClassifier;
import io.amdim4j.model.EncoderConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTrainingTest extends WithNDManager {

    static final EncoderConfig TINY = new EncoderConfig(32, 3, 8, 32, 1, false);

    static EncoderClassifier tinyClassifier(ClassifierHead head, ai.djl.ndarray.NDManager manager) {
        Encoder encoder = Encoder.builder().setConfig(TINY).build();
        EncoderClassifier net = EncoderClassifier.builder().setEncoder(encoder).optHead(head).setNumClasses(2).build();
        net.initialize(manager, DataType.FLOAT32, encoder.inputShape(4));
        return net;
    }

    @Test
    void learnsAClassTheAugmentationKeepsAndEndsOnTheBestEpoch() {
        EncoderClassifier net = tinyClassifier(ClassifierHead.LINEAR, manager);
        StripeImages fit = new StripeImages(32, 1);
        StripeImages validation = new StripeImages(16, 2);
        FinetuneConfig config = new FinetuneConfig(1.0, 5, 8, 3e-3, 1e-2, ClassifierHead.LINEAR, 0.1, 5, 3, 1);
        List<String> log = new ArrayList<>();
        ClassifierTraining.Outcome outcome = ClassifierTraining.fit(net, fit, validation, AugmentConfig.cifar32(),
                config, manager, log::add);

        assertThat(outcome.updates()).isEqualTo(5L * (32 / 8));
        assertThat(outcome.epochs()).hasSize(5);
        assertThat(outcome.bestValidationAccuracy()).isGreaterThanOrEqualTo(0.9);
        double restored = ClassifierAccuracy.of(net, validation, AugmentConfig.cifar32(), 16, 1, manager);
        assertThat(restored).isEqualTo(outcome.bestValidationAccuracy());
        assertThat(log).hasSize(5).allMatch(line -> line.contains("validation accuracy"));
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EncoderClassifier net = tinyClassifier(ClassifierHead.MLP, manager);
        // a zero learning rate can never improve on the first epoch
        FinetuneConfig frozen = new FinetuneConfig(1.0, 10, 8, 0, 1e-12, ClassifierHead.MLP, 0.1, 2, 3, 1);
        ClassifierTraining.Outcome outcome = ClassifierTraining.fit(net, new StripeImages(16, 1),
                new StripeImages(8, 2), AugmentConfig.cifar32(), frozen, manager, line -> { });
        assertThat(outcome.bestEpoch()).isZero();
        assertThat(outcome.epochs()).hasSize(3);
    }
}
