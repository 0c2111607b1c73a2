package io.amdim4j.bench;

import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.HostBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Measures host-side batch production: how fast a {@link BatchLoader} hands finished batches to a
 * consumer that does nothing else, i.e. the most the loader can feed a training step. Epochs follow
 * one another as in training, so epoch ends (a new shuffle, an emptied prefetch queue) are counted.
 */
final class DataBenchmark {

    private final DataBenchConfig config;
    private final LongSupplier nanoClock;

    public DataBenchmark(DataBenchConfig config) {
        this(config, System::nanoTime);
    }

    /** With an explicit clock, in nanoseconds. */
    public DataBenchmark(DataBenchConfig config, LongSupplier nanoClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Warms up, then times the configured windows. */
    public DataBenchResult run(BatchLoader loader) {
        if (loader.batchesPerEpoch() < 1) {
            throw new IllegalArgumentException("the loader has no batches in an epoch");
        }
        Batches batches = new Batches(loader);
        long warmupStart = nanoClock.getAsLong();
        long warmupNanos = (long) (config.warmupSeconds() * 1e9);
        int warmupBatches = 0;
        while (nanoClock.getAsLong() - warmupStart < warmupNanos) {
            batches.next();
            warmupBatches++;
        }
        int windowCount = config.effectiveWindows();
        List<DataBenchResult.Window> windows = new ArrayList<>(windowCount);
        long windowNanos = (long) (config.seconds() * 1e9 / windowCount);
        for (int w = 0; w < windowCount; w++) {
            int quota = config.timedBatches() / windowCount + (w < config.timedBatches() % windowCount ? 1 : 0);
            long start = nanoClock.getAsLong();
            long now = start;
            int count = 0;
            long pairs = 0;
            while (config.timedBatches() > 0 ? count < quota : now - start < windowNanos) {
                pairs += batches.next().size();
                count++;
                now = nanoClock.getAsLong();
            }
            windows.add(new DataBenchResult.Window(count, pairs, Math.max(1, now - start)));
        }
        return new DataBenchResult(warmupBatches, windows, batches.epochsStarted);
    }

    /** The loader's batches, epoch after epoch. */
    private static final class Batches {
        private final BatchLoader loader;
        private Iterator<HostBatch> current;
        private int epochsStarted;

        Batches(BatchLoader loader) {
            this.loader = loader;
        }

        HostBatch next() {
            if (current == null || !current.hasNext()) {
                current = loader.epoch(epochsStarted++, 0);
            }
            return current.next();
        }
    }
}
