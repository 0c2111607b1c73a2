package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.amdim4j.WithNDManager;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.loss.NceTerm;
import io.amdim4j.runtime.Autocast;
import io.amdim4j.model.Encoder;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.Precision;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-training update in bf16 against float32 on the same weights and views. These run on
 * every CPU: without native bfloat16 PyTorch computes the bf16 convolutions in software, slower
 * but with the same rounding, so the bounds hold everywhere.
 */
class Bf16PretrainStepTest extends WithNDManager {

    private static final int N = 8;
    private static final long INIT_SEED = 11;
    private static final int CLASSES = 10;

    /** TinyRun's ndf-8 model with the given precision; the dataset is never opened. */
    private static TrainConfig config(PrecisionConfig precision) {
        TrainConfig t = TinyRun.config(Path.of("not-read"));
        return new TrainConfig(t.data(), t.encoder(), t.augment(), t.nce(), t.mixture(), t.optim(), t.epochs(),
                t.maxSteps(), N, t.loaderThreads(), t.checkpointEvery(), t.keepCheckpoints(), t.testEachEpoch(),
                t.bnBatches(), precision);
    }

    private static HostBatch batch(long seed, int side) {
        return batch(seed, side, N);
    }

    private static HostBatch batch(long seed, int side, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] views = new float[2][n * 3 * side * side];
        for (float[] v : views) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextDouble() * 2 - 1);
            }
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % CLASSES);
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return new HostBatch(0, 0, views, 3, side, side, labels, indices);
    }

    @Test
    void theBf16LossStaysWithinOnePercentOfFloat32OnTheSameWeightsAndViews() {
        HostBatch views = batch(3, 32);
        double[] losses = new double[2];
        int i = 0;
        for (PrecisionConfig p : List.of(PrecisionConfig.fp32(), PrecisionConfig.bf16())) {
            TrainConfig c = config(p);
            try (PretrainModel model = new PretrainModel(c, CLASSES, INIT_SEED, manager);
                    CoupledL2Adam adam = new CoupledL2Adam(c.optim(), model.trainableParameters(), model.manager())) {
                // the same 5×5 locations and dropout draws for both precisions
                losses[i++] = new PretrainStep(c, model, adam).run(views, 0, new SplittableRandom(5), 1).loss();
            }
        }
        assertThat(losses[0]).isFinite().isPositive();
        assertThat(Math.abs(losses[1] - losses[0])).as("bf16 %s vs fp32 %s", losses[1], losses[0])
                .isLessThan(0.01 * losses[0])
                .isGreaterThan(0); // bfloat16 did run: the rounding shows
    }

    @Test
    void weightGradientsAreFloat32AndCloseToTheFloat32Ones() {
        HostBatch views = batch(4, 32);
        List<Map<String, float[]>> grads = new ArrayList<>();
        for (PrecisionConfig p : List.of(PrecisionConfig.fp32(), PrecisionConfig.bf16())) {
            TrainConfig c = config(p);
            try (PretrainModel model = new PretrainModel(c, CLASSES, INIT_SEED, manager)) {
                grads.add(encoderGradients(model, p, views));
            }
        }
        Map<String, float[]> exact = grads.get(0);
        Map<String, float[]> mixed = grads.get(1);
        assertThat(mixed.keySet()).isEqualTo(exact.keySet());
        double diff = 0;
        double norm = 0;
        double dot = 0;
        double mixedNorm = 0;
        for (String name : exact.keySet()) {
            float[] e = exact.get(name);
            float[] m = mixed.get(name);
            for (int k = 0; k < e.length; k++) {
                diff += (e[k] - m[k]) * (double) (e[k] - m[k]);
                norm += e[k] * (double) e[k];
                dot += e[k] * (double) m[k];
                mixedNorm += m[k] * (double) m[k];
            }
        }
        assertThat(norm).isPositive();
        // bfloat16 keeps 8 significant bits; through the layers and the NCE's differences of
        // expectations that measured 6 % of the gradient's norm here, in the same direction
        assertThat(dot / Math.sqrt(norm * mixedNorm)).as("cosine").isGreaterThan(0.99);
        assertThat(Math.sqrt(diff / norm)).as("relative difference").isLessThan(0.15).isGreaterThan(0);
    }

    /** d NCE(r1 → r7)/d θ of every encoder weight after one forward of each view; all float32. */
    private Map<String, float[]> encoderGradients(PretrainModel model, PrecisionConfig p, HostBatch views) {
        ParameterStore store = new ParameterStore(model.manager(), false);
        Shape shape = new Shape(views.viewShape());
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList v1 = p.forward(model.encoder(), store, p.memoryFormat().input(manager, views.views()[0], shape), true);
            NDList v2 = p.forward(model.encoder(), store, p.memoryFormat().input(manager, views.views()[1], shape), true);
            NDArray r7 = v2.get(Encoder.R7);
            NDArray trg = r7.reshape(N, r7.getShape().get(1), -1);
            collector.backward(NceTerm.compute(v1.get(Encoder.R1), trg, NceConfig.defaults()).nce());
        }
        Map<String, float[]> out = new java.util.TreeMap<>();
        for (Map.Entry<String, Parameter> e : model.trainableParameters().entrySet()) {
            if (e.getKey().startsWith(PretrainModel.ENCODER)) {
                NDArray g = e.getValue().getArray().getGradient();
                assertThat(g.getDataType()).as(e.getKey()).isEqualTo(DataType.FLOAT32);
                out.put(e.getKey(), g.toFloatArray());
            }
        }
        return out;
    }

    @Test
    void severalBf16UpdatesGiveFiniteFallingLossesAndKeepFloat32ParametersAndAdamState() {
        TrainConfig c = config(PrecisionConfig.bf16());
        HostBatch views = batch(6, 32, 4);
        SplittableRandom locations = new SplittableRandom(9);
        List<Double> losses = new ArrayList<>();
        try (PretrainModel model = new PretrainModel(c, CLASSES, INIT_SEED, manager);
                CoupledL2Adam adam = new CoupledL2Adam(c.optim(), model.trainableParameters(), model.manager())) {
            PretrainStep step = new PretrainStep(c, model, adam);
            for (int u = 0; u < 6; u++) {
                StepResult r = step.run(views, 2e-3, locations, u);
                assertThat(r.isFinite()).as("update %d: %s", u, r).isTrue();
                losses.add(r.loss());
                assertThat(Autocast.isEnabled()).as("autocast after update %d", u).isFalse();
            }
            for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
                assertThat(e.getValue().getArray().getDataType()).as(e.getKey()).isEqualTo(DataType.FLOAT32);
            }
            for (NDArray moment : adam.state(manager)) {
                if (moment.getName().startsWith("m/") || moment.getName().startsWith("v/")) {
                    assertThat(moment.getDataType()).as(moment.getName()).isEqualTo(DataType.FLOAT32);
                }
            }
        }
        // one fixed batch: the last updates are below the first
        double lastThree = (losses.get(3) + losses.get(4) + losses.get(5)) / 3;
        assertThat(lastThree).as("losses %s", losses).isLessThan(losses.get(0));
    }

    @Test
    void aFailureInsideTheEncoderPassLeavesAutocastOff() {
        TrainConfig c = config(PrecisionConfig.bf16());
        try (PretrainModel model = new PretrainModel(c, CLASSES, INIT_SEED, manager);
                CoupledL2Adam adam = new CoupledL2Adam(c.optim(), model.trainableParameters(), model.manager())) {
            PretrainStep step = new PretrainStep(c, model, adam);
            // 16 px views for a 32 px encoder: the encoder refuses them inside the autocast scope
            assertThatThrownBy(() -> step.run(batch(7, 16), 2e-3, new SplittableRandom(1), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Autocast.isEnabled()).isFalse();
    }

    @Test
    void aBf16RunRecordsItsPrecisionAndWritesFloat32CheckpointsThatFloat32Loads(@TempDir Path dir) throws Exception {
        TrainConfig tiny = TinyRun.config(TinyRun.writeCifar(dir.resolve("cifar"), 3));
        PrecisionConfig bf16 = new PrecisionConfig(Precision.AUTO, Precision.BF16, MemoryFormat.CHANNELS_LAST);
        TrainConfig c = new TrainConfig(tiny.data(), tiny.encoder(), tiny.augment(), tiny.nce(), tiny.mixture(),
                tiny.optim(), tiny.epochs(), tiny.maxSteps(), tiny.batchSize(), tiny.loaderThreads(),
                tiny.checkpointEvery(), tiny.keepCheckpoints(), tiny.testEachEpoch(), tiny.bnBatches(), bf16);
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        Pretraining.start(c, run.root(), new Pretraining.Options(false, new PrintWriter(new StringWriter())));

        JsonNode precision = RunJson.mapper().readTree(run.config().toFile()).get("config").get("precision");
        assertThat(precision.get("requested").asText()).isEqualTo("auto");
        assertThat(precision.get("precision").asText()).isEqualTo("bf16");
        assertThat(precision.get("memory_format").asText()).isEqualTo("channels_last");

        Path last = run.checkpoint(TinyRun.STEPS);
        Checkpoint checkpoint = Checkpoint.read(last, manager);
        assertThat(checkpoint.config().precision()).isEqualTo(bf16);
        for (NDArray a : checkpoint.parameters()) {
            assertThat(a.getDataType()).as(a.getName()).isEqualTo(DataType.FLOAT32);
        }
        // the same weights in a float32 pass: the encoder a bf16 run trained needs nothing else
        TrainedEncoder trained = TrainedEncoder.load(last, manager);
        HostBatch views = batch(8, 32, 2);
        NDList out = PrecisionConfig.fp32().forward(trained.encoder(), new ParameterStore(manager, false),
                MemoryFormat.CONTIGUOUS.input(manager, views.views()[0], new Shape(views.viewShape())), false);
        assertThat(out.get(Encoder.R1).getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(out.get(Encoder.R1).abs().sum().getFloat()).isPositive().isFinite();
    }

    @Test
    void aConfigWithoutPrecisionIsFloat32() {
        TrainConfig t = TinyRun.config(Path.of("not-read"));
        TrainConfig legacy = new TrainConfig(t.data(), t.encoder(), t.augment(), t.nce(), t.mixture(), t.optim(),
                t.epochs(), t.maxSteps(), t.batchSize(), t.loaderThreads(), t.checkpointEvery(), t.keepCheckpoints(),
                t.testEachEpoch(), t.bnBatches(), null);
        assertThat(legacy.precision()).isEqualTo(PrecisionConfig.fp32());
    }
}
