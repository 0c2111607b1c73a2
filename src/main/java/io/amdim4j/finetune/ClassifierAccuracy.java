package io.amdim4j.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.loss.ClippedCrossEntropyLoss;
import io.amdim4j.loss.ClippedCrossEntropyLoss.LabelledAccuracy;
import io.amdim4j.model.EncoderClassifier;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.runtime.DeviceInput;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.pipeline.PretrainBatches;
import java.util.Iterator;

/** Top-1 accuracy of a classifier in inference mode, every image of a split once under the test transform. */
final class ClassifierAccuracy {

    private ClassifierAccuracy() {
    }

    /** The share of labelled images of {@code split} whose arg-max logit is their label. */
    public static double of(EncoderClassifier net, ImageDataset split, AugmentConfig augment, int batchSize,
            int threads, NDManager manager) {
        LabelledAccuracy total = new LabelledAccuracy(0, 0);
        ParameterStore store = new ParameterStore(manager, false);
        try (BatchLoader loader = PretrainBatches.testing(split, augment, batchSize, threads)) {
            for (Iterator<HostBatch> it = loader.epoch(0, 0); it.hasNext(); ) {
                HostBatch batch = it.next();
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = DeviceInput.view(batch, 0, step, MemoryFormat.CONTIGUOUS);
                    NDArray logits = net.forward(store, new NDList(x), false).head();
                    total = total.plus(ClippedCrossEntropyLoss.accuracy(logits, DeviceInput.labels(batch, step)));
                }
            }
        }
        if (total.labelled() == 0) {
            throw new IllegalArgumentException(split.describe() + " has no labelled image to score");
        }
        return total.fraction();
    }
}
