package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.amdim4j.WithNDManager;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.Precision;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.pipeline.HostBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frozen-encoder features (spec §6.3) and the raw-pixel baseline, on a tiny encoder. */
class FeatureExtractorTest extends WithNDManager {

    private static final int R = 64;

    private Encoder encoder;

    @BeforeEach
    void setUp() {
        Engine.getInstance().setRandomSeed(3);
        encoder = Encoder.builder().setConfig(new EncoderConfig(32, 3, 8, R, 1, false)).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(2));
        // move the BN statistics away from (0, 1) so inference mode is not the identity
        new BatchNormReestimator(2).reestimate(encoder, manager, imageBatches(2, 4, 99).iterator());
    }

    /** Batches of random 3×32×32 images; batch b has {@code size} images, the last one fewer. */
    static List<HostBatch> imageBatches(int count, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<HostBatch> batches = new ArrayList<>();
        int index = 0;
        for (int b = 0; b < count; b++) {
            int n = b == count - 1 && count > 1 ? size - 1 : size;
            float[] x = new float[n * 3 * 32 * 32];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) SyntheticFeatures.gaussian(random);
            }
            int[] labels = new int[n];
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = index % 4;
                indices[i] = index++;
            }
            batches.add(new HostBatch(0, b, new float[][] {x}, 3, 32, 32, labels, indices));
        }
        return batches;
    }

    /** Every parameter, running statistics included, by name. */
    static Map<String, float[]> snapshot(Encoder encoder) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (var entry : encoder.getParameters()) {
            values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** Names of the parameters whose values differ. */
    static List<String> changed(Map<String, float[]> before, Map<String, float[]> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        return before.keySet().stream().filter(name -> !Arrays.equals(before.get(name), after.get(name))).toList();
    }

    private NDList direct(HostBatch batch) {
        NDArray x = manager.create(batch.views()[0], new Shape(batch.viewShape()));
        return encoder.forward(new ParameterStore(manager, false), new NDList(x), false);
    }

    @Test
    void extractionChangesNoParameter() {
        Map<String, float[]> before = snapshot(encoder);
        new FeatureExtractor("amdim", encoder, FeatureSet.MULTISCALE, manager)
                .extract(imageBatches(3, 4, 1).iterator());
        assertThat(changed(before, snapshot(encoder))).isEmpty();
        assertThat(encoder.getParameters().values().stream().map(Parameter::getType))
                .contains(Parameter.Type.RUNNING_MEAN); // the snapshot covers the BN statistics
    }

    @Test
    void channelsLastInputGivesTheSameFeaturesAndBf16CloseOnes() {
        List<HostBatch> batches = imageBatches(2, 4, 6);
        FeatureExtractor plain = new FeatureExtractor("amdim", encoder, FeatureSet.MULTISCALE, manager);
        Features exact = plain.extract(batches.iterator());
        Features nhwc = plain.withPrecision(
                new PrecisionConfig(Precision.FP32, Precision.FP32, MemoryFormat.CHANNELS_LAST))
                .extract(batches.iterator());
        // bf16 runs on every CPU (in software where it is not native), so this is never skipped
        Features mixed = plain.withPrecision(PrecisionConfig.bf16()).extract(batches.iterator());
        double diff = 0;
        double norm = 0;
        for (int row = 0; row < exact.count(); row++) {
            float[] e = exact.row(row);
            float[] c = nhwc.row(row);
            float[] m = mixed.row(row);
            for (int k = 0; k < e.length; k++) {
                assertThat(c[k]).isCloseTo(e[k], within(1e-4f));
                diff += (m[k] - e[k]) * (double) (m[k] - e[k]);
                norm += e[k] * (double) e[k];
            }
        }
        assertThat(mixed.labels()).containsExactly(exact.labels());
        assertThat(Math.sqrt(diff / norm)).as("bf16 relative difference").isLessThan(0.02).isGreaterThan(0);
    }

    @Test
    void r1FeaturesEqualADirectForwardInInferenceMode() {
        List<HostBatch> batches = imageBatches(3, 4, 2);
        Features features = new FeatureExtractor("amdim", encoder, FeatureSet.GLOBAL, manager)
                .extract(batches.iterator());
        assertThat(features.count()).isEqualTo(11);
        assertThat(features.dimension()).isEqualTo(R);
        int row = 0;
        for (HostBatch batch : batches) {
            float[] r1 = direct(batch).get(Encoder.R1).toFloatArray();
            for (int i = 0; i < batch.size(); i++, row++) {
                assertThat(features.row(row)).isEqualTo(Arrays.copyOfRange(r1, i * R, (i + 1) * R));
                assertThat(features.labels()[row]).isEqualTo(batch.labels()[i]);
            }
        }
    }

    @Test
    void multiscaleFeaturesConcatenateR1AndTheLocationMeansOfR5AndR7() {
        List<HostBatch> batches = imageBatches(1, 3, 4);
        Features features = new FeatureExtractor("amdim", encoder, FeatureSet.MULTISCALE, manager)
                .extract(batches.iterator());
        assertThat(features.dimension()).isEqualTo(3 * R);
        NDList out = direct(batches.get(0));
        float[] r1 = out.get(Encoder.R1).toFloatArray();
        float[] r5 = out.get(Encoder.R5).toFloatArray();
        float[] r7 = out.get(Encoder.R7).toFloatArray();
        for (int n = 0; n < 3; n++) {
            float[] row = features.row(n);
            for (int r = 0; r < R; r++) {
                assertThat(row[r]).isEqualTo(r1[n * R + r]);
                assertThat((double) row[R + r]).isCloseTo(locationMean(r5, n, r, 25), within(1e-5));
                assertThat((double) row[2 * R + r]).isCloseTo(locationMean(r7, n, r, 49), within(1e-5));
            }
        }
    }

    private static double locationMean(float[] map, int n, int r, int locations) {
        double sum = 0;
        for (int l = 0; l < locations; l++) {
            sum += map[(n * R + r) * locations + l];
        }
        return sum / locations;
    }

    @Test
    void prepareReestimatesOnlyWhenConfigured() {
        Map<String, float[]> before = snapshot(encoder);
        FeatureExtractor plain = new FeatureExtractor("amdim", encoder, FeatureSet.GLOBAL, manager);
        plain.prepare(imageBatches(2, 4, 5).iterator());
        assertThat(changed(before, snapshot(encoder))).isEmpty();
        FeatureExtractor reestimating = plain.withReestimation(new BatchNormReestimator(2));
        reestimating.prepare(imageBatches(2, 4, 5).iterator());
        assertThat(changed(before, snapshot(encoder))).hasSize(6).allMatch(name -> name.contains("running"));
        assertThat(reestimating.name()).isEqualTo("amdim");
        assertThat(reestimating.featureSetName()).isEqualTo("r1");
    }

    @Test
    void rawPixelsAreTheFlattenedView() {
        List<HostBatch> batches = imageBatches(2, 3, 6);
        Features pixels = new RawPixelFeatures().extract(batches.iterator());
        assertThat(pixels.count()).isEqualTo(5);
        assertThat(pixels.dimension()).isEqualTo(3 * 32 * 32);
        assertThat(pixels.row(3)).isEqualTo(
                Arrays.copyOfRange(batches.get(1).views()[0], 0, 3 * 32 * 32));
        assertThat(pixels.labels()).containsExactly(0, 1, 2, 3, 0);
        assertThatThrownBy(() -> new RawPixelFeatures().extract(List.<HostBatch>of().iterator()))
                .hasMessageContaining("no batches");
    }
}
