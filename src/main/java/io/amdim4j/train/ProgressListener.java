package io.amdim4j.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A live bar per epoch on stderr: loss, each NCE term, probe accuracy, pairs/s and the ETA. */
public final class ProgressListener implements PretrainListener {

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
        bar.setExtraMessage(String.format("loss %.3f (1t5 %.3f 1t7 %.3f 5t5 %.3f reg %.3f) probe acc %.2f/%.2f %.0f pairs/s",
                r.loss(), r.loss1t5(), r.loss1t7(), r.loss5t5(), r.scoreReg(), r.accMlp(), r.accLinear(), pairsPerSecond));
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
