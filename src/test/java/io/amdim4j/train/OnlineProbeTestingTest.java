package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-epoch test of the online probes (spec §6.1, §6.2) inside real pre-training runs. */
class OnlineProbeTestingTest {

    @TempDir
    Path dir;

    private static Pretraining.Options quiet() {
        return new Pretraining.Options(false, new PrintWriter(new StringWriter()));
    }

    private static List<MetricsRecord> records(Path run, String kind) throws IOException {
        return MetricsLog.read(new RunDirectory(run).metrics(), false).stream().filter(r -> r.kind().equals(kind))
                .toList();
    }

    /**
     * TinyCifar's classes differ in where a bright square sits and in their tint. Over epochs 4 to 6 of 10
     * updates each both heads score well above chance (0.1; one test image is 0.025 of the 40) and above
     * their first epoch (measured: MLP 0.33 -> 0.39, linear 0.08 -> 0.26).
     */
    @Test
    void theProbesLearnASeparableDataset() throws IOException {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 16, 40, 13);
        Path run = dir.resolve("learn");
        Pretraining.start(PretrainingTest.tiny(cifar, 0, 6, true, 2e-3), run, quiet());
        List<MetricsRecord> epochs = records(run, MetricsRecord.EPOCH);
        assertThat(epochs).extracting(MetricsRecord::epoch).containsExactly(0, 1, 2, 3, 4, 5);
        // 40 test images make one epoch's accuracy noisy (±0.07): judge the mean of the last three
        double mlp = epochs.subList(3, 6).stream().mapToDouble(MetricsRecord::testAccMlp).average().orElseThrow();
        double linear = epochs.subList(3, 6).stream().mapToDouble(MetricsRecord::testAccLinear).average().orElseThrow();
        assertThat(mlp).isGreaterThan(0.33).isGreaterThan(epochs.get(0).testAccMlp());
        assertThat(linear).isGreaterThan(0.18).isGreaterThan(epochs.get(0).testAccLinear());
    }

    /**
     * A run stopped mid-epoch and resumed ends exactly where one uninterrupted run does, with a test after
     * every epoch: same losses, same test accuracies and bit-identical final checkpoints (batch-norm
     * statistics re-estimated for the tests included).
     */
    @Test
    void resumeStaysExactWithThePerEpochTestOn() throws IOException {
        // 20 training images at batch 8: 2 updates per epoch
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 4, 8, 17);
        Path straight = dir.resolve("straight");
        Path split = dir.resolve("split");
        Pretraining.start(PretrainingTest.tiny(cifar, 0, 3, true, 2e-3), straight, quiet());
        Pretraining.start(PretrainingTest.tiny(cifar, 3, 3, true, 2e-3), split, quiet());
        Pretraining.resume(split, PretrainingTest.untilStep(0), quiet());

        assertThat(records(split, MetricsRecord.STEP)).extracting(MetricsRecord::loss)
                .containsExactlyElementsOf(records(straight, MetricsRecord.STEP).stream().map(MetricsRecord::loss).toList());
        List<MetricsRecord> tests = records(straight, MetricsRecord.EPOCH);
        assertThat(tests).hasSize(3).allSatisfy(r -> assertThat(r.testAccLinear()).isNotNull());
        assertThat(records(split, MetricsRecord.EPOCH)).extracting(MetricsRecord::testAccMlp, MetricsRecord::testAccLinear)
                .containsExactlyElementsOf(tests.stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.testAccMlp(), r.testAccLinear())).toList());
        try (NDManager manager = NDManager.newBaseManager()) {
            Checkpoint a = Checkpoint.read(new RunDirectory(straight).checkpoint(6), manager);
            Checkpoint b = Checkpoint.read(new RunDirectory(split).checkpoint(6), manager);
            Map<String, float[]> expected = values(a.parameters(), a.optimizer());
            Map<String, float[]> actual = values(b.parameters(), b.optimizer());
            assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
            expected.forEach((name, v) -> assertThat(actual.get(name)).as(name).containsExactly(v));
        }
    }

    private static Map<String, float[]> values(NDList... lists) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (NDList list : lists) {
            for (NDArray a : list) {
                out.put(a.getName(), a.toType(DataType.FLOAT32, false).toFloatArray());
            }
        }
        return out;
    }
}
