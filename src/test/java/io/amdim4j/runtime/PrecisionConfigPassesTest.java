package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amdim4j.WithNDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PrecisionConfig#forwardEach}: both views of an update under one bf16 scope, with each weight cast
 * once (autocast's cache) or once per pass. Runs on every CPU (bf16 in software where it is not native).
 */
class PrecisionConfigPassesTest extends WithNDManager {

    @TempDir
    Path dir;

    private Block conv;
    private NDArray x1;
    private NDArray x2;

    private void twoViewsAndAConvolution() {
        Engine.getInstance().setRandomSeed(5);
        conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(16).optBias(false).build();
        conv.setInitializer(new NormalInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
        conv.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(4, 8, 6, 6));
        x1 = manager.randomNormal(new Shape(4, 8, 6, 6));
        x2 = manager.randomNormal(new Shape(4, 8, 6, 6));
    }

    /** Outputs of both views and the weight's gradient of the sum of their squares. */
    private record Pass(float[] y1, float[] y2, float[] grad) {}

    private Pass run(PrecisionConfig precision, boolean castOnce) {
        NDArray w = conv.getParameters().valueAt(0).getArray();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            List<NDList> ys = precision.forwardEach(conv, new ParameterStore(manager, false), List.of(x1, x2), true,
                    castOnce);
            collector.backward(ys.get(0).head().square().sum().add(ys.get(1).head().square().sum()));
            Pass pass = new Pass(ys.get(0).head().toFloatArray(), ys.get(1).head().toFloatArray(),
                    w.getGradient().toFloatArray());
            w.getGradient().muli(0); // gradients accumulate over collectors
            return pass;
        }
    }

    @Test
    void castingOnceGivesTheSameOutputsAndTheGradientWithinBfloat16Rounding() {
        twoViewsAndAConvolution();
        Pass perPass = run(PrecisionConfig.bf16(), false);
        Pass once = run(PrecisionConfig.bf16(), true);
        Pass exact = run(PrecisionConfig.fp32(), false);
        assertThat(once.y1()).containsExactly(perPass.y1());
        assertThat(once.y2()).containsExactly(perPass.y2());
        // the two views' weight gradients are summed in bf16 before the cast back: a few 2^-8 apart at most
        assertThat(maxRelativeError(once.grad(), perPass.grad())).isLessThan(0.02);
        assertThat(maxRelativeError(once.grad(), exact.grad())).isLessThan(0.05);
        assertThat(Autocast.isEnabled()).isFalse();
    }

    @Test
    void castingOnceCastsTheWeightOnceForBothViewsAndItsGradientOnce() throws Exception {
        twoViewsAndAConvolution();
        run(PrecisionConfig.bf16(), true); // the first pass of a process also casts for its set-up
        int perPass = castsIn(() -> run(PrecisionConfig.bf16(), false));
        int once = castsIn(() -> run(PrecisionConfig.bf16(), true));
        // per pass: both inputs, the weight twice forward and its gradient twice back; once: one of each
        assertThat(once).isPositive().isEqualTo(perPass - 2);
    }

    private int castsIn(Runnable work) throws Exception {
        Path trace = dir.resolve("trace-" + System.nanoTime() + ".json");
        JniUtils.startProfile(false, false, false);
        work.run();
        JniUtils.stopProfile(trace.toString());
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        JsonNode events = root.isObject() ? root.get("traceEvents") : root;
        int casts = 0;
        for (JsonNode e : events) {
            if ("aten::_to_copy".equals(e.path("name").asText()) && "X".equals(e.path("ph").asText())) {
                casts++;
            }
        }
        return casts;
    }

    private static double maxRelativeError(float[] a, float[] b) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(b[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return diff / scale;
    }
}
