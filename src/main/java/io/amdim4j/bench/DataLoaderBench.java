package io.amdim4j.bench;

import ai.djl.ndarray.NDManager;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DataConfig;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.pipeline.PretrainBatches;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * {@code amdim bench data}: opens the training split and builds its loader exactly as pre-training
 * does ({@link PretrainBatches#training}), then measures it with {@link DataBenchmark} and,
 * optionally, the training thread's copy into engine arrays ({@link NdArrayCopyCost}).
 */
public final class DataLoaderBench {

    /** Timed copies for the NDArray figure; each is well under a second at any practical batch size. */
    public static final int COPY_REPEATS = 20;

    private DataLoaderBench() {
    }

    /** Runs the benchmark on {@code data}'s training split. */
    public static DataBenchReport run(DataConfig data, AugmentConfig family, int batch, int threads,
            DataBenchConfig bench, boolean measureCopy) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(bench, "bench");
        OptionalDouble loadBefore = HostStats.loadAverage();
        long openStart = System.nanoTime();
        ImageDataset dataset = data.openTrain();
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        try (BatchLoader loader = PretrainBatches.training(dataset, family, data.seeds(), batch, threads)) {
            DataBenchResult result = new DataBenchmark(bench).run(loader);
            HostBatch sample = loader.epoch(0, 0).next();
            OptionalDouble loadAfter = HostStats.loadAverage();
            // before the engine loads, so the figure is the loader's footprint, not PyTorch's
            OptionalDouble peakRss = HostStats.peakResidentMb();
            OptionalDouble copy = measureCopy ? OptionalDouble.of(copyMillis(sample)) : OptionalDouble.empty();
            return new DataBenchReport(data.dataset().toString(), data.trainSplit().toString(), dataset.describe(), dataset.size(),
                    family.name(), batch, threads, sample.viewShape(), openSeconds, result, copy,
                    peakRss, loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static double copyMillis(HostBatch batch) {
        try (NDManager manager = ComputeDevice.CPU.newBaseManager()) {
            return new NdArrayCopyCost().medianMillis(manager, batch, COPY_REPEATS);
        }
    }
}
