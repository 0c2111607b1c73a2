package io.amdim4j.train;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A live bar per epoch on stderr: loss, each loss term, probe accuracy, pairs/s and the ETA. */
final class ProgressListener implements PretrainListener {

    private final TrainConfig config;
    private final int batchesPerEpoch;
    private ProgressBar bar;
    private int barEpoch = -1;

    public ProgressListener(TrainConfig config, int batchesPerEpoch) {
        this.config = config;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    @Override
    public void onStep(TrainingCursor cursor, StepResult r, double lr, double pairsPerSecond) {
        if (bar == null || barEpoch != cursor.epoch()) {
            closeBar();
            barEpoch = cursor.epoch();
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format("epoch %d/%d", cursor.epoch() + 1, config.epochs()))
                    .setInitialMax(batchesPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, 160))
                    .setUpdateIntervalMillis(500)
                    .startsFrom(cursor.batch() - 1, java.time.Duration.ZERO)
                    .build();
        }
        bar.stepTo(cursor.batch());
        bar.setExtraMessage(message(r, pairsPerSecond));
    }

    /** "loss 12.345 (L_1t5 3.210 … H(q) 1.234) probe acc 0.12/0.15 250 pairs/s": every term the step measured. */
    static String message(StepResult r, double pairsPerSecond) {
        StringBuilder terms = new StringBuilder();
        r.losses().terms().forEach((term, v) ->
                terms.append(terms.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%s %.3f", term.symbol(), v)));
        return String.format(Locale.ROOT, "loss %.3f (%s) probe acc %.2f/%.2f %.0f pairs/s",
                r.loss(), terms, r.accMlp(), r.accLinear(), pairsPerSecond);
    }

    @Override
    public void onEpochEnd(TrainingCursor cursor, ProbeAccuracy test, double epochSeconds) {
        closeBar();
        if (!Double.isNaN(test.mlp())) {
            System.err.printf("epoch %d: test accuracy MLP probe %.2f%%, linear probe %.2f%% (%.0f s)%n",
                    cursor.epoch(), 100 * test.mlp(), 100 * test.linear(), epochSeconds);
        }
    }

    @Override
    public void onStop(TrainingCursor cursor) {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
