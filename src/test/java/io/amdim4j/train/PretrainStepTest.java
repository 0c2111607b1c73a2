package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.WithNDManager;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.pipeline.HostBatch;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What one {@link PretrainStep} promises (spec §3.3, §6.1, §7), checked on what it leaves behind (parameters,
 * batch-norm statistics, Adam's moments) rather than on the losses it reports.
 */
class PretrainStepTest extends WithNDManager {

    private static final int N = 4;
    private static final int CLASSES = 10;
    private static final long INIT_SEED = 3;
    private static final long DROPOUT_SEED = 11;
    private static final double LR = 1e-3;

    /** TinyRun's ndf-8 encoder, with or without batch norm, trained by {@code optim}. */
    private static TrainConfig config(boolean useBn, OptimConfig optim) {
        TrainConfig tiny = TinyRun.config(Path.of("not-read"));
        EncoderConfig encoder = new EncoderConfig(32, 3, 8, TinyRun.N_RKHS, 1, useBn);
        return new TrainConfig(tiny.data(), encoder, tiny.augment(), tiny.nce(), tiny.mixture(), optim, 1, 1, N, 1, 0,
                2, false, 1, PrecisionConfig.fp32());
    }

    /** β1 = 0 and no weight decay: after one update, Adam's first moment m is exactly the gradient. */
    private static OptimConfig gradientReadingAdam() {
        return new OptimConfig(LR, 0, 0.999, 1e-8, 0, 0, List.of(), 0.2);
    }

    private static HostBatch batch(long seed, int[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] views = new float[2][N * 3 * 32 * 32];
        for (float[] view : views) {
            for (int i = 0; i < view.length; i++) {
                view[i] = (float) rng.nextGaussian();
            }
        }
        return new HostBatch(0, 0, views, 3, 32, 32, labels, new int[] {0, 1, 2, 3});
    }

    /** A fresh model (always the same initial weights), one update on {@code batch}, then what {@code read} reads. */
    private Map<String, float[]> afterOneStep(TrainConfig config, HostBatch batch, boolean optimizerState) {
        try (PretrainModel model = new PretrainModel(config, CLASSES, INIT_SEED, manager);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager())) {
            new PretrainStep(config, model, adam).run(batch, LR, new SplittableRandom(9), DROPOUT_SEED);
            return optimizerState ? values(adam.state(manager)) : values(model.state(manager));
        }
    }

    private static Map<String, float[]> values(NDList named) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (NDArray a : named) {
            out.put(a.getName(), a.toType(DataType.FLOAT32, false).toFloatArray());
        }
        return out;
    }

    private static Map<String, float[]> only(Map<String, float[]> all, String prefix) {
        Map<String, float[]> out = new LinkedHashMap<>();
        all.forEach((name, v) -> {
            if (name.startsWith(prefix)) {
                out.put(name, v);
            }
        });
        return out;
    }

    private static double maxAbs(float[] a) {
        double max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Test
    void theProbeLossReachesNoEncoderParameter() {
        // The labels enter the probe loss and nothing else: other labels, another ℒ_cls (§6.1).
        TrainConfig config = config(false, gradientReadingAdam());
        Map<String, float[]> a = afterOneStep(config, batch(1, new int[] {0, 1, 2, 3}), true);
        Map<String, float[]> b = afterOneStep(config, batch(1, new int[] {7, 7, 5, 9}), true);
        Map<String, float[]> encoderA = only(a, "m/" + PretrainModel.ENCODER + "/");
        assertThat(encoderA).isNotEmpty();
        assertThat(encoderA.values().stream().mapToDouble(PretrainStepTest::maxAbs).max().orElseThrow())
                .as("the encoder gets a gradient from the NCE loss").isPositive();
        encoderA.forEach((name, gradient) -> assertThat(b.get(name)).as(name).containsExactly(gradient));
        Map<String, float[]> probeA = only(a, "m/mlp_probe/");
        assertThat(probeA.entrySet()).as("the probes' gradients do change with the labels")
                .anySatisfy(e -> assertThat(b.get(e.getKey())).isNotEqualTo(e.getValue()));
    }

    @Test
    void eachViewGoesThroughTheBatchNormsOnItsOwn() {
        TrainConfig config = config(true, OptimConfig.forEpochs(1));
        HostBatch batch = batch(2, new int[] {0, 1, 2, 3});
        Map<String, float[]> stepped = only(afterOneStep(config, batch, false), PretrainModel.ENCODER + "/");
        Map<String, float[]> separate = runningStatistics(config, batch, false);
        Map<String, float[]> together = runningStatistics(config, batch, true);
        assertThat(separate).isNotEmpty();
        separate.forEach((name, expected) -> {
            assertThat(stepped.get(name)).as(name).usingComparatorWithPrecision(1e-6f).containsExactly(expected);
        });
        assertThat(separate.entrySet()).as("one pass over both views would give other statistics")
                .anySatisfy(e -> assertThat(together.get(e.getKey())).isNotEqualTo(e.getValue()));
    }

    /** The encoder's running statistics after training-mode passes over view 1 then view 2, or over both at once. */
    private Map<String, float[]> runningStatistics(TrainConfig config, HostBatch batch, boolean concatenated) {
        try (PretrainModel model = new PretrainModel(config, CLASSES, INIT_SEED, manager)) {
            ParameterStore store = new ParameterStore(model.manager(), false);
            NDArray x1 = manager.create(FloatBuffer.wrap(batch.views()[0]), new ai.djl.ndarray.types.Shape(batch.viewShape()));
            NDArray x2 = manager.create(FloatBuffer.wrap(batch.views()[1]), new ai.djl.ndarray.types.Shape(batch.viewShape()));
            if (concatenated) {
                model.encoder().forward(store, new NDList(x1.concat(x2)), true);
            } else {
                model.encoder().forward(store, new NDList(x1), true);
                model.encoder().forward(store, new NDList(x2), true);
            }
            Map<String, float[]> out = new LinkedHashMap<>();
            values(model.state(manager)).forEach((name, v) -> {
                if (name.startsWith(PretrainModel.ENCODER + "/") && name.contains("running")) {
                    out.put(name, v);
                }
            });
            return out;
        }
    }

    @Test
    void aNonFiniteLossChangesNoParameterAndNoAdamMoment() {
        TrainConfig config = config(false, OptimConfig.forEpochs(1));
        try (PretrainModel model = new PretrainModel(config, CLASSES, INIT_SEED, manager);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager())) {
            PretrainStep step = new PretrainStep(config, model, adam);
            // one good update first, so the moments are not the zeros they start as
            step.run(batch(4, new int[] {0, 1, 2, 3}), LR, new SplittableRandom(1), DROPOUT_SEED);
            Map<String, float[]> weights = trainable(model);
            Map<String, float[]> moments = values(adam.state(manager));
            HostBatch poisoned = batch(5, new int[] {0, 1, 2, 3});
            poisoned.views()[0][77] = Float.NaN;
            step.run(poisoned, LR, new SplittableRandom(2), DROPOUT_SEED);
            assertThat(adam.step()).isEqualTo(1);
            Map<String, float[]> weightsAfter = trainable(model);
            Map<String, float[]> momentsAfter = values(adam.state(manager));
            weights.forEach((name, w) -> assertThat(weightsAfter.get(name)).as(name).containsExactly(w));
            moments.forEach((name, m) -> assertThat(momentsAfter.get(name)).as(name).containsExactly(m));
        }
    }

    private Map<String, float[]> trainable(PretrainModel model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.trainableParameters().forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
        return out;
    }
}
