package io.amdim4j.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.SeedStreams;
import io.amdim4j.loss.ClippedCrossEntropyLoss;
import io.amdim4j.model.EncoderClassifier;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.runtime.DeviceInput;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.pipeline.PretrainBatches;
import io.amdim4j.train.CoupledL2Adam;
import io.amdim4j.train.OptimConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The supervised loop of fine-tuning: the encoder and the head trained together on the clipped
 * cross-entropy of spec §6.1, each with its own Adam and learning rate, the validation accuracy
 * measured after every epoch, and the best epoch's parameters restored at the end (early stopping
 * after {@link FinetuneConfig#patience()} epochs without improvement).
 */
public final class ClassifierTraining {

    /** Purpose name of the loader's seed streams (shuffles and augmentation). */
    static final String DATA_PURPOSE = "finetune-data";

    /**
     * One epoch.
     *
     * @param epoch 0-based
     * @param trainLoss mean loss over its updates
     * @param validationAccuracy accuracy on the validation images after it
     */
    public record Epoch(int epoch, double trainLoss, double validationAccuracy) {}

    /**
     * What the loop did.
     *
     * @param epochs every epoch run
     * @param bestEpoch the epoch whose parameters the classifier holds now
     * @param updates updates made
     */
    public record Outcome(List<Epoch> epochs, int bestEpoch, long updates) {
        public Outcome {
            epochs = List.copyOf(epochs);
        }

        double bestValidationAccuracy() {
            return epochs.get(bestEpoch).validationAccuracy();
        }
    }

    private ClassifierTraining() {
    }

    /**
     * Trains {@code net} on {@code fit} and leaves it holding the parameters of its best epoch on
     * {@code validation}.
     *
     * @throws IllegalStateException naming the epoch and update when the loss is not finite
     */
    static Outcome fit(EncoderClassifier net, ImageDataset fit, ImageDataset validation, AugmentConfig augment,
            FinetuneConfig config, NDManager manager, Consumer<String> log) {
        int batch = Math.min(config.batchSize(), fit.size());
        OptimConfig adam = new OptimConfig(config.headLr(), OptimConfig.BETA1, OptimConfig.BETA2, OptimConfig.EPS,
                OptimConfig.WEIGHT_DECAY, 0, List.of(), OptimConfig.DECAY);
        ParameterStore store = new ParameterStore(manager, false);
        List<Epoch> epochs = new ArrayList<>();
        ParameterSnapshot best = null;
        int bestEpoch = -1;
        long updates = 0;
        try (CoupledL2Adam encoderAdam = new CoupledL2Adam(adam, trainable(net.encoder()), manager);
                CoupledL2Adam headAdam = new CoupledL2Adam(adam, trainable(net.head()), manager);
                BatchLoader loader = PretrainBatches.fineTuning(fit, augment,
                        new SeedStreams(config.seed()).derive(DATA_PURPOSE), batch, config.loaderThreads())) {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                double lossSum = 0;
                int batches = 0;
                for (Iterator<HostBatch> it = loader.epoch(epoch, 0); it.hasNext(); batches++, updates++) {
                    float loss = update(net, store, it.next(), manager);
                    if (!Float.isFinite(loss)) {
                        throw new IllegalStateException("fine-tuning loss is " + loss + " at epoch " + (epoch + 1)
                                + ", update " + (updates + 1) + "; lower --encoder-lr/--head-lr");
                    }
                    encoderAdam.update(config.encoderLr());
                    headAdam.update(config.headLr());
                    lossSum += loss;
                }
                double accuracy = ClassifierAccuracy.of(net, validation, augment, config.batchSize(),
                        config.loaderThreads(), manager);
                epochs.add(new Epoch(epoch, lossSum / batches, accuracy));
                log.accept(String.format("epoch %d: train loss %.4f, validation accuracy %.2f %%", epoch + 1,
                        lossSum / batches, 100 * accuracy));
                if (best == null || accuracy > epochs.get(bestEpoch).validationAccuracy()) {
                    best = ParameterSnapshot.of(net);
                    bestEpoch = epoch;
                } else if (epoch - bestEpoch >= config.patience()) {
                    log.accept("stopping early: no better validation accuracy for " + config.patience() + " epochs");
                    break;
                }
            }
        }
        best.restore(net);
        return new Outcome(epochs, bestEpoch, updates);
    }

    /** Forward, loss and backward of one batch; the gradients are left for the optimisers. */
    private static float update(EncoderClassifier net, ParameterStore store, HostBatch batch, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = DeviceInput.view(batch, 0, step, MemoryFormat.CONTIGUOUS);
            NDArray y = DeviceInput.labels(batch, step);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(store, new NDList(x), true).head();
                NDArray loss = ClippedCrossEntropyLoss.clippedCrossEntropy(logits, y);
                float value = loss.getFloat();
                if (Float.isFinite(value)) {
                    collector.backward(loss);
                }
                return value;
            }
        }
    }

    private static Map<String, Parameter> trainable(Block block) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.put(p.getKey(), p.getValue());
            }
        }
        return params;
    }
}
