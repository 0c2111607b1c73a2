package io.amdim4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.eval.BatchNormReestimator;
import io.amdim4j.eval.FeatureExtractor;
import io.amdim4j.loss.ClippedCrossEntropyLoss;
import io.amdim4j.loss.ClippedCrossEntropyLoss.LabelledAccuracy;
import io.amdim4j.model.Encoder;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.runtime.DeviceInput;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.pipeline.PretrainBatches;
import java.util.Iterator;

/**
 * The periodic test of the online probes (spec §6.2, our design decision): re-estimate every
 * batch-norm statistic (encoder and MLP probe) on a seeded sample of <em>training</em> images
 * under the test transform, then score every test image exactly once in inference mode.
 */
final class OnlineProbeTester implements PretrainLoop.EpochTester {

    private final TrainConfig config;
    private final PretrainModel model;
    private final ImageDataset trainSet;
    private final ImageDataset testSet;

    OnlineProbeTester(TrainConfig config, PretrainModel model, ImageDataset trainSet) {
        this.config = config;
        this.model = model;
        this.trainSet = trainSet;
        this.testSet = config.data().openTest();
    }

    @Override
    public ProbeAccuracy test(int epoch) {
        reestimateBatchNorm(epoch);
        ParameterStore store = new ParameterStore(model.manager(), false);
        LabelledAccuracy mlp = new LabelledAccuracy(0, 0);
        LabelledAccuracy linear = new LabelledAccuracy(0, 0);
        try (BatchLoader loader = PretrainBatches.testing(testSet, config.augment(), config.batchSize(),
                config.loaderThreads())) {
            Iterator<HostBatch> batches = loader.epoch(0, 0);
            while (batches.hasNext()) {
                HostBatch batch = batches.next();
                try (NDManager step = model.manager().newSubManager()) {
                    NDArray x = FeatureExtractor.firstView(batch, step);
                    NDArray r1 = model.encoder().forward(store, new NDList(x), false).get(Encoder.R1);
                    NDArray y = DeviceInput.labels(batch, step);
                    NDList in = new NDList(r1);
                    mlp = mlp.plus(ClippedCrossEntropyLoss.accuracy(
                            model.mlpProbe().forward(store, in, false).singletonOrThrow(), y));
                    linear = linear.plus(ClippedCrossEntropyLoss.accuracy(
                            model.linearProbe().forward(store, in, false).singletonOrThrow(), y));
                }
            }
        }
        return new ProbeAccuracy(mlp.fraction(), linear.fraction());
    }

    private void reestimateBatchNorm(int epoch) {
        ImageDataset subset = BatchNormReestimator.trainingSample(trainSet,
                (long) config.bnBatches() * config.batchSize(), config.data().seeds(), epoch);
        // encoder → r1 → MLP probe, so the probe's BN1d sees the re-estimated encoder's r1
        SequentialBlock chain = new SequentialBlock()
                .add(model.encoder())
                .add(list -> new NDList(list.get(Encoder.R1)))
                .add(model.mlpProbe());
        try (BatchLoader loader = PretrainBatches.testing(subset, config.augment(), config.batchSize(),
                config.loaderThreads())) {
            new BatchNormReestimator(config.bnBatches()).reestimate(chain, model.manager(), loader.epoch(0, 0));
        }
    }
}
