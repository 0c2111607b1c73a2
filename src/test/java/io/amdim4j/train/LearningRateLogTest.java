package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DataConfig;
import io.amdim4j.loss.MixtureConfig;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning rate in metrics.jsonl is spec §7's at every update of a run stopped and resumed twice, on a
 * scaled schedule: 5 warm-up updates (spec: 500), milestones after epochs 1 and 2 (spec: 250 and 280) of a
 * 4-epoch run with 2 updates per epoch, so the warm-up outlasts the first milestone.
 */
class LearningRateLogTest {

    private static final double BASE = 1e-3;
    private static final int WARMUP = 5;
    private static final List<Integer> MILESTONES = List.of(1, 2);
    private static final int EPOCHS = 4;
    /** 10 training images at batch 4, the partial batch dropped (spec §7). */
    private static final int UPDATES_PER_EPOCH = 2;

    @TempDir
    Path dir;

    private static TrainConfig config(Path cifar, long steps) {
        DataConfig data = new DataConfig(io.amdim4j.data.DatasetSpec.parse("cifar10:" + cifar), io.amdim4j.data.Split.TRAIN,
                io.amdim4j.data.Split.TEST, 5);
        EncoderConfig encoder = new EncoderConfig(32, 3, 8, 32, 1, false);
        OptimConfig optim = new OptimConfig(BASE, OptimConfig.BETA1, OptimConfig.BETA2, OptimConfig.EPS,
                OptimConfig.WEIGHT_DECAY, WARMUP, MILESTONES, OptimConfig.DECAY);
        return new TrainConfig(data, encoder, AugmentConfig.cifar32(), NceConfig.defaults(), MixtureConfig.defaults(),
                optim, EPOCHS, steps, 4, 1, 0, 2, false, 1, PrecisionConfig.fp32());
    }

    /** Spec §7 as written: (t+1)/W of the base while t < W, else 0.2 per milestone passed (m < e). */
    private static double specLr(long t, int epoch) {
        if (t < WARMUP) {
            return BASE * (t + 1) / WARMUP;
        }
        double lr = BASE;
        for (int m : MILESTONES) {
            if (m < epoch) {
                lr *= 0.2;
            }
        }
        return lr;
    }

    @Test
    void theLoggedLearningRateFollowsWarmUpAndStepDecayAcrossResumes() throws IOException {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 2, 2, 1);
        Path run = dir.resolve("run");
        PrintWriter quiet = new PrintWriter(new StringWriter());
        // stop inside the warm-up (update 3 of 5, mid-epoch 1), then right before the first decayed update
        Pretraining.start(config(cifar, 3), run, new Pretraining.Options(false, quiet));
        Pretraining.resume(run, PretrainingTest.untilStep(5), new Pretraining.Options(false, quiet));
        Pretraining.resume(run, PretrainingTest.untilStep(0), new Pretraining.Options(false, quiet));

        List<MetricsRecord> steps = MetricsLog.read(new RunDirectory(run).metrics(), false).stream()
                .filter(r -> r.kind().equals(MetricsRecord.STEP)).toList();
        assertThat(steps).extracting(MetricsRecord::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        for (MetricsRecord r : steps) {
            long t = r.step() - 1;
            assertThat(r.epoch()).as("epoch of update %d", r.step()).isEqualTo((int) (t / UPDATES_PER_EPOCH));
            assertThat(r.lr()).as("lr of update %d", r.step()).isCloseTo(specLr(t, r.epoch()), within(1e-12 * BASE));
        }
        // the updates where the spec's rules take over, spelled out
        assertThat(steps.get(0).lr()).isCloseTo(BASE / WARMUP, within(1e-12 * BASE));
        assertThat(steps.get(3).lr()).as("update 4: warm-up resumed, not restarted").isCloseTo(BASE * 4 / WARMUP,
                within(1e-12 * BASE));
        assertThat(steps.get(4).lr()).as("update 5, epoch 2: still the warm-up's full rate").isCloseTo(BASE,
                within(1e-12 * BASE));
        assertThat(steps.get(5).lr()).as("update 6: epoch 2 is past milestone 1").isCloseTo(0.2 * BASE,
                within(1e-12 * BASE));
        assertThat(steps.get(6).lr()).as("update 7: epoch 3 is past both").isCloseTo(0.04 * BASE, within(1e-12 * BASE));
    }
}
