package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.InitSource;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warm-started run trains on from the source's weights with a fresh optimiser and update counter. */
class WarmStartTrainingTest {

    /** Updates of the source run: enough for its loss on the tiny data set to fall well below the start. */
    private static final int SOURCE_UPDATES = 6;

    @TempDir
    Path dir;

    @Test
    void theFirstUpdateStartsFromTheSourcesWeightsWithAFreshOptimiser() throws IOException {
        Path cifar = TinyRun.writeCifar(dir.resolve("cifar"), 5);
        TrainConfig base = TinyRun.config(cifar);
        Path source = dir.resolve("source");
        Pretraining.start(length(base, SOURCE_UPDATES), source, quiet());

        Path warm = dir.resolve("warm");
        Pretraining.Outcome outcome = Pretraining.start(length(base, 1), warm, quiet(),
                new Pretraining.Origin(source, null));
        Path random = dir.resolve("random");
        Pretraining.start(length(base, 1), random, quiet());

        // the same seed, data order and views: only the starting weights differ
        assertThat(firstLoss(warm)).isLessThan(firstLoss(random));
        assertThat(outcome.cursor().step()).as("the update counter starts at 0").isEqualTo(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            Checkpoint after = Checkpoint.read(outcome.checkpoint(), manager);
            NDArray adamStep = after.optimizer().stream().filter(a -> a.getName().equals("step")).findFirst().orElseThrow();
            assertThat(adamStep.toLongArray()).as("Adam's step, not the source's").containsExactly(1L);
        }
        JsonNode init = RunJson.mapper().readTree(new RunDirectory(warm).config().toFile()).get("init_from");
        Path sourceCheckpoint = new RunDirectory(source).checkpoint(SOURCE_UPDATES);
        assertThat(init.get("kind").asText()).isEqualTo(InitSource.RUN);
        assertThat(init.get("path").asText()).isEqualTo(sourceCheckpoint.toAbsolutePath().toString());
        assertThat(init.get("sha256").asText()).isEqualTo(InitSource.sha256(sourceCheckpoint));
        assertThat(init.at("/source_config/max steps (0 = none)").asText()).isEqualTo(String.valueOf(SOURCE_UPDATES));
        assertThat(RunJson.mapper().readTree(new RunDirectory(random).config().toFile()).has("init_from")).isFalse();
    }

    private static TrainConfig length(TrainConfig c, int updates) {
        int epochs = Math.max(1, updates / 2); // 10 images at batch 4: two updates per epoch
        return new TrainConfig(c.data(), c.encoder(), c.augment(), c.nce(), c.mixture(), OptimConfig.forEpochs(epochs)
                .withWarmup(c.optim().warmupUpdates()).withLr(c.optim().lr()), epochs, updates, c.batchSize(),
                c.loaderThreads(), c.checkpointEvery(), c.keepCheckpoints(), c.testEachEpoch(), c.bnBatches(),
                c.precision());
    }

    private static double firstLoss(Path run) throws IOException {
        return MetricsLog.read(new RunDirectory(run).metrics(), false).stream()
                .filter(r -> r.kind().equals(MetricsRecord.STEP)).findFirst().orElseThrow().loss();
    }

    private static Pretraining.Options quiet() {
        return new Pretraining.Options(false, new PrintWriter(new StringWriter()));
    }
}
