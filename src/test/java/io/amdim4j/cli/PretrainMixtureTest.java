package io.amdim4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.loss.LossTerm;
import io.amdim4j.loss.MixtureConfig;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunJson;
import io.amdim4j.train.Checkpoint;
import io.amdim4j.train.TinyCifar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-training with mixture-based representations (spec §4) end to end through {@code amdim
 * pretrain}: its terms reach metrics.jsonl, the mixture network is checkpointed, and a run stopped
 * and resumed reproduces the losses of an uninterrupted one bit for bit.
 */
class PretrainMixtureTest {

    private static final int K = 3;
    private static final int STEPS = 4;

    @TempDir
    Path tmp;

    private List<String> pretrain(Path cifar, long steps, Path runDir) {
        return List.of("pretrain", "--dataset", "cifar10:" + cifar, "--ndf", "8", "--n-rkhs", "32", "--n-depth", "1",
                "--batch-size", "8", "--epochs", "3", "--warmup", "2", "--lr", "0.002", "--seed", "3",
                "--mixtures", Integer.toString(K), "--tau", "2", "--alpha", "0.25", "--checkpoint-every", "2",
                "--no-test", "--no-progress", "--steps", Long.toString(steps), "--run-dir", runDir.toString());
    }

    private static CliRunner run(List<String> args) {
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    @Test
    void mixturesTrainLogTheirTermsCheckpointAndResumeToTheSameLosses() throws IOException {
        Path cifar = TinyCifar.write(tmp.resolve("cifar"), 4, 2, 9); // 20 images: 2 updates per epoch
        Path straight = tmp.resolve("straight");
        Path split = tmp.resolve("split");
        assertThat(run(pretrain(cifar, STEPS, straight)).out()).contains("stopped at update " + STEPS);
        run(pretrain(cifar, 3, split)); // stops mid-epoch: 2 updates per epoch
        CliRunner resumed = run(List.of("pretrain", "--resume", split.toString(), "--steps", Integer.toString(STEPS),
                "--no-progress"));
        assertThat(resumed.out()).contains("stopped at update " + STEPS);
        assertThat(resumed.err()).contains("resuming").contains("update 3");

        JsonNode config = RunJson.mapper().readTree(new RunDirectory(straight).config().toFile());
        assertThat(config.at("/config/mixture/enabled").asBoolean()).isTrue();
        assertThat(config.at("/config/mixture/components").asInt()).isEqualTo(K);
        assertThat(config.at("/config/mixture/tau").asDouble()).isEqualTo(2.0);
        assertThat(config.at("/config/mixture/alpha").asDouble()).isEqualTo(0.25);

        List<MetricsRecord> a = steps(straight);
        List<MetricsRecord> b = steps(split);
        assertThat(a).extracting(MetricsRecord::step).containsExactly(1L, 2L, 3L, 4L);
        assertThat(b).extracting(MetricsRecord::step).containsExactly(1L, 2L, 3L, 4L);
        List<String> keys = Arrays.stream(LossTerm.values()).map(LossTerm::key).toList();
        for (int i = 0; i < a.size(); i++) {
            MetricsRecord r = a.get(i);
            assertThat(r.terms().keySet()).as("terms of update %d", i + 1).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(r.term(LossTerm.MIXTURE_ENTROPY.key())).isBetween(0.0, Math.log(K) + 1e-6);
            assertThat(r.term(LossTerm.MIXTURE_SCORE.key())).isNegative(); // s_j = −ℓ_j and every ℓ > 0 (§3.5)
            double additive = Arrays.stream(LossTerm.values()).filter(LossTerm::additive)
                    .mapToDouble(t -> r.term(t.key())).sum();
            assertThat(r.loss()).isCloseTo(additive, within(1e-4 * Math.abs(additive)));
            // bit-identical: the resumed run restored the mixture network and its Adam moments
            assertThat(b.get(i).loss()).as("loss at update %d", i + 1).isEqualTo(r.loss());
            assertThat(b.get(i).terms()).as("terms at update %d", i + 1).isEqualTo(r.terms());
        }

        List<Path> checkpoints = new RunDirectory(split).checkpointsNewestFirst();
        assertThat(checkpoints).isNotEmpty();
        try (NDManager manager = NDManager.newBaseManager()) {
            Checkpoint newest = Checkpoint.read(checkpoints.get(0), manager);
            assertThat(newest.cursor().step()).isEqualTo(STEPS);
            MixtureConfig mixture = newest.config().mixture();
            assertThat(mixture).isEqualTo(new MixtureConfig(true, K, 2.0, 0.25, true));
            List<String> mixtureParameters = new ArrayList<>();
            for (NDArray p : newest.parameters()) {
                if (p.getName().startsWith("mixture/")) {
                    mixtureParameters.add(p.getName());
                }
            }
            assertThat(mixtureParameters).isNotEmpty();
        }
    }

    private static List<MetricsRecord> steps(Path run) throws IOException {
        return MetricsLog.read(new RunDirectory(run).metrics(), false).stream()
                .filter(r -> MetricsRecord.STEP.equals(r.kind())).toList();
    }
}
