package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.loss.LossTerm;
import io.amdim4j.loss.LossValues;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.PretrainBatches;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What follows from the declaration of the loss terms in the training loop: the NaN guard names
 * the term, metrics.jsonl uses the declared keys, the progress bar shows every term.
 */
class LossTermPlumbingTest {

    @TempDir
    Path dir;

    /** Every declared term, term i worth i + 1, except {@code nan}, which is NaN. */
    private static LossValues values(LossTerm nan) {
        Map<LossTerm, Double> terms = new EnumMap<>(LossTerm.class);
        double total = 0;
        for (LossTerm t : LossTerm.values()) {
            double v = t == nan ? Double.NaN : t.ordinal() + 1;
            terms.put(t, v);
            total += t.additive() ? v : 0;
        }
        return new LossValues(total, terms);
    }

    @Test
    void theNanGuardNamesTheTermAndTheUpdateAndStopsBeforeTheListeners() throws IOException {
        TrainConfig config = PretrainingTest.tiny(TinyCifar.write(dir.resolve("cifar"), 4, 2, 1), 0, 1, false, 1e-3);
        ImageDataset train = config.data().openTrain();
        List<Long> seen = new ArrayList<>();
        int[] calls = {0};
        PretrainLoop.StepRunner step = (batch, lr, locations, dropoutSeed) ->
                new StepResult(values(++calls[0] == 2 ? LossTerm.LOSS_1T7 : null), 0.5, 0.5);
        try (BatchLoader loader = PretrainBatches.training(train, config.augment(), config.data().seeds(),
                config.batchSize(), 1)) {
            PretrainLoop loop = new PretrainLoop(config, step, loader, epoch -> ProbeAccuracy.NOT_MEASURED,
                    List.of(new PretrainListener() {
                        @Override
                        public void onStep(TrainingCursor cursor, StepResult result, double lr, double pps) {
                            seen.add(cursor.step());
                        }
                    }), s -> "checkpoints/step-" + s);
            assertThatThrownBy(() -> loop.run(TrainingCursor.START))
                    .isInstanceOf(NonFiniteLossException.class)
                    .hasMessageContaining("not finite at update 2 (epoch 0, batch 1)")
                    .hasMessageContaining("loss_1t7 (L_1t7) is NaN")
                    .hasMessageNotContaining("loss_1t5 (L_1t5) is")
                    .hasMessageContaining("mixture_entropy 7.0")
                    .hasMessageContaining("Last good checkpoint: checkpoints/step-1");
        }
        assertThat(seen).containsExactly(1L);
    }

    @Test
    void anOverflowingTotalIsReportedThoughEveryTermIsFinite() {
        Map<LossTerm, Double> terms = Map.of(LossTerm.LOSS_1T5, 3e38, LossTerm.LOSS_1T7, 3e38);
        NonFiniteLossException e = NonFiniteLossException.at(new TrainingCursor(4, 1, 2),
                new LossValues(Double.POSITIVE_INFINITY, terms), "none yet");
        assertThat(e).hasMessageContaining("update 5 (epoch 1, batch 2)")
                .hasMessageContaining("the total is Infinity though every term is finite");
    }

    @Test
    void metricsJsonlKeysComeFromTheDeclaration() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.openAt(file, 0)) {
            new MetricsJsonlListener(log).onStep(new TrainingCursor(1, 0, 1), new StepResult(values(null), 0.25,
                    Double.NaN), 1e-4, 80);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        JsonNode json = RunJson.mapper().readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        List<String> declared = Arrays.stream(LossTerm.values()).map(LossTerm::key).toList();
        List<String> expected = new ArrayList<>(List.of("kind", "step", "epoch", LossValues.TOTAL_KEY));
        expected.addAll(declared);
        expected.addAll(List.of("train_acc_mlp", "lr", "pairs_per_s"));
        assertThat(keys).containsExactlyElementsOf(expected);
        for (LossTerm t : LossTerm.values()) {
            assertThat(json.get(t.key()).asDouble()).as(t.key()).isEqualTo(t.ordinal() + 1.0);
        }
        assertThat(json.get("loss").asDouble()).isEqualTo(values(null).total());
        assertThat(MetricsLog.read(file, false).get(0).term(LossTerm.SCORE_REG.key())).isEqualTo(4.0);
    }

    @Test
    void theProgressBarShowsEveryTermBySymbol() {
        String message = ProgressListener.message(new StepResult(values(null), 0.5, 0.25), 123);
        assertThat(message).startsWith("loss 15.000 (").endsWith(") probe acc 0.50/0.25 123 pairs/s");
        int from = 0;
        for (LossTerm t : LossTerm.values()) {
            int at = message.indexOf(t.symbol() + " " + String.format(Locale.ROOT, "%.3f", t.ordinal() + 1.0));
            assertThat(at).as(t.symbol()).isGreaterThan(from);
            from = at;
        }
    }
}
