package io.amdim4j.bench;

import java.util.OptionalDouble;

/**
 * Everything {@code amdim bench data} reports about one loader configuration.
 *
 * @param dataset the dataset spec as given
 * @param split the split read
 * @param description the reader's description of the opened split
 * @param images images in the split
 * @param family augmentation family name (spec §5.2)
 * @param batch images per batch
 * @param threads loader threads
 * @param viewShape one view's {N, C, H, W}
 * @param openSeconds time to open the split (a gzipped archive is read once here)
 * @param result the timed windows
 * @param ndarrayCopyMillis median time to copy a batch's views into engine arrays, if measured
 * @param peakRssMb peak resident memory of the process (VmHWM) after the timed run, before the engine
 *     loads for the copy figure, if known
 * @param loadBefore machine one-minute load average before the run, if known
 * @param loadAfter the same after the run
 * @param processors processors the JVM sees
 */
public record DataBenchReport(
        String dataset,
        String split,
        String description,
        int images,
        String family,
        int batch,
        int threads,
        long[] viewShape,
        double openSeconds,
        DataBenchResult result,
        OptionalDouble ndarrayCopyMillis,
        OptionalDouble peakRssMb,
        OptionalDouble loadBefore,
        OptionalDouble loadAfter,
        int processors) {
}
