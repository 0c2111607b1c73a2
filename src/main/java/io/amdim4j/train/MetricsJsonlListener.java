package io.amdim4j.train;

import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;

/**
 * Writes one {@code metrics.jsonl} record per update (the total under "loss" and every loss term
 * under its declared key) and one per epoch.
 */
final class MetricsJsonlListener implements PretrainListener {

    private final MetricsLog log;

    public MetricsJsonlListener(MetricsLog log) {
        this.log = log;
    }

    @Override
    public void onStep(TrainingCursor cursor, StepResult r, double lr, double pairsPerSecond) {
        log.append(MetricsRecord.step(cursor.step(), cursor.epoch(), r.loss(), r.losses().byKey(),
                nullIfNaN(r.accMlp()), nullIfNaN(r.accLinear()), lr, pairsPerSecond));
    }

    @Override
    public void onEpochEnd(TrainingCursor cursor, ProbeAccuracy test, double epochSeconds) {
        // The record belongs to the epoch that just ended.
        log.append(MetricsRecord.epoch(cursor.step(), cursor.epoch() - 1, nullIfNaN(test.mlp()),
                nullIfNaN(test.linear()), epochSeconds));
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
