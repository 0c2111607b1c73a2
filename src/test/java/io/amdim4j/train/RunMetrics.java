package io.amdim4j.train;

import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.MetricsRecord;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** What a run being written (or written by another process) has logged so far. */
public final class RunMetrics {

    private RunMetrics() {
    }

    /** Records in metrics.jsonl; 0 while it is missing or half-written (look again). */
    public static long logged(RunDirectory run) {
        try {
            return Files.exists(run.metrics()) ? MetricsLog.read(run.metrics(), true).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The per-update records, in order. */
    public static List<MetricsRecord> steps(RunDirectory run) throws IOException {
        return MetricsLog.read(run.metrics(), false).stream().filter(r -> r.kind().equals(MetricsRecord.STEP)).toList();
    }
}
