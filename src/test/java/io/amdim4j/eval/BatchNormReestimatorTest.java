package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import io.amdim4j.WithNDManager;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.pipeline.HostBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BN re-estimation (spec §6.2) against a plain-Java running average of batch statistics. */
class BatchNormReestimatorTest extends WithNDManager {

    /** Channels of the final BN of the tiny encoder: R. */
    private static final int C = 16;
    private static final int H = 2;
    private static final int W = 2;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(7);
    }

    /**
     * The BN that produces r1 in a tiny encoder (F 4, R 16): the project's BN as the encoder builds
     * it (spec §2.2), initialised to running mean 0 and variance 1 (§2.4). It accepts any N×R×H×W.
     */
    private BatchNorm batchNorm() {
        Encoder encoder = Encoder.builder().setConfig(new EncoderConfig(32, 1, 4, C, 1, false)).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(2));
        // with use_bn = false the final BN is the trunk's only direct BN child (spec §9 #18)
        List<BatchNorm> direct = encoder.getChildren().values().stream()
                .filter(BatchNorm.class::isInstance).map(BatchNorm.class::cast).toList();
        assertThat(direct).hasSize(1);
        return direct.get(0);
    }

    /** Batch b has per-channel offset b + c and scale 1 + c/2, so every batch's statistics differ. */
    private static HostBatch batch(int index, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * C * H * W];
        for (int i = 0; i < x.length; i++) {
            int c = (i / (H * W)) % C;
            x[i] = (float) (index + c + (1 + c / 2.0) * SyntheticFeatures.gaussian(random));
        }
        return new HostBatch(0, index, new float[][] {x}, C, H, W, new int[n], new int[n]);
    }

    /** Mean and unbiased variance of channel c of a flat NCHW batch. */
    private static double[] statistics(HostBatch batch, int c) {
        float[] x = batch.views()[0];
        int n = batch.size();
        int m = n * H * W;
        double sum = 0;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < H * W; i++) {
                sum += x[(b * C + c) * H * W + i];
            }
        }
        double mean = sum / m;
        double squares = 0;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < H * W; i++) {
                double d = x[(b * C + c) * H * W + i] - mean;
                squares += d * d;
            }
        }
        return new double[] {mean, squares / (m - 1)};
    }

    @Test
    void runningStatisticsBecomeTheRunningAverageOfTheFirstKBatches() {
        BatchNorm bn = batchNorm();
        List<HostBatch> batches = new ArrayList<>();
        for (int b = 0; b < 5; b++) {
            batches.add(batch(b, 6, 100 + b));
        }
        Iterator<HostBatch> it = batches.iterator();
        int used = new BatchNormReestimator(3).reestimate(bn, manager, it);
        assertThat(used).isEqualTo(3);
        assertThat(it.next().batchIndex()).isEqualTo(3); // the 4th batch was not consumed

        float[] runningMean = bn.getParameters().get("runningMean").getArray().toFloatArray();
        float[] runningVar = bn.getParameters().get("runningVar").getArray().toFloatArray();
        for (int c = 0; c < C; c++) {
            double mean = 0;
            double var = 1;
            for (int b = 0; b < 3; b++) {
                double[] s = statistics(batches.get(b), c);
                mean = 0.9 * mean + 0.1 * s[0];
                var = 0.9 * var + 0.1 * s[1];
            }
            assertThat((double) runningMean[c]).isCloseTo(mean, within(1e-5));
            assertThat((double) runningVar[c]).isCloseTo(var, within(1e-4));
        }
    }

    @Test
    void batchesOfOneImageAreSkipped() {
        BatchNorm bn = batchNorm();
        HostBatch single = batch(0, 1, 1);
        HostBatch four = batch(1, 4, 2);
        int used = new BatchNormReestimator(1).reestimate(bn, manager, List.of(single, four).iterator());
        assertThat(used).isEqualTo(1);
        float[] runningMean = bn.getParameters().get("runningMean").getArray().toFloatArray();
        for (int c = 0; c < C; c++) {
            assertThat((double) runningMean[c]).isCloseTo(0.1 * statistics(four, c)[0], within(1e-5));
        }
        assertThatThrownBy(() -> new BatchNormReestimator(1).reestimate(bn, manager, List.of(single).iterator()))
                .hasMessageContaining("no training batch");
        assertThatThrownBy(() -> new BatchNormReestimator(0)).hasMessageContaining("at least 1");
        assertThat(new BatchNormReestimator().batches()).isEqualTo(BatchNormReestimator.REFERENCE_BATCHES);
    }

    @Test
    void onAnEncoderOnlyTheRunningStatisticsChange() {
        Encoder encoder = Encoder.builder().setConfig(new EncoderConfig(32, 3, 8, 64, 1, false)).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(2));
        Map<String, float[]> before = FeatureExtractorTest.snapshot(encoder);
        List<HostBatch> batches = FeatureExtractorTest.imageBatches(4, 5, 3);
        assertThat(new BatchNormReestimator(4).reestimate(encoder, manager, batches.iterator())).isEqualTo(4);
        List<String> changed = FeatureExtractorTest.changed(before, FeatureExtractorTest.snapshot(encoder));
        List<String> statistics = new ArrayList<>();
        for (var entry : encoder.getParameters()) {
            Parameter.Type type = entry.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                statistics.add(entry.getKey());
            }
        }
        // r1's BN and the BN_out of φ5 and φ7, mean and variance each (use_bn = false, spec §2.2)
        assertThat(statistics).hasSize(6);
        assertThat(changed).containsExactlyInAnyOrderElementsOf(statistics);
    }
}
