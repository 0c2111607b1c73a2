package io.amdim4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.bench.DataBenchConfig;
import io.amdim4j.bench.DataBenchReport;
import io.amdim4j.bench.DataBenchResult;
import io.amdim4j.bench.DataLoaderBench;
import io.amdim4j.data.DataConfig;
import io.amdim4j.data.DatasetException;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import io.amdim4j.pipeline.AugmentFamily;
import io.amdim4j.run.RunJson;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code amdim bench data}: two-view pairs per second from the pre-training loader, built as
 * pre-training builds it (same augmentation family, seeds, shuffling and drop-last batching).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Measure the pre-training data loader: two-view pairs per second (median over timed"
                + " windows after a warm-up), loader threads and peak resident memory.",
            "The augmentation family follows the dataset (spec §5.2, §5.4) unless --input-size/--channels say otherwise."})
final class BenchDataCommand implements Callable<Integer>, EngineCommand {

    @Mixin
    DatasetOption dataset = new DatasetOption();

    @Option(names = "--split", converter = DatasetOption.SplitConverter.class,
            description = "Split to read (default: the dataset's pre-training split).")
    Split split;

    @Option(names = "--input-size", description = "Encoder input side 32, 64 or 128 (default: the dataset's).")
    Integer inputSize;

    @Option(names = "--channels", description = "Encoder input channels 1 or 3 (default: the dataset's).")
    Integer channels;

    @Option(names = "--batch", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batch = 64;

    @Mixin
    ImageThreadsOption threads = new ImageThreadsOption();

    @Option(names = "--batches", description = "Time this many batches (default: time by --seconds).")
    Integer batches;

    @Option(names = "--seconds", description = "Time this many seconds (default: "
            + DataBenchConfig.DEFAULT_SECONDS + " unless --batches is given).")
    Double seconds;

    @Option(names = "--warmup-seconds", description = "Untimed seconds first (default: ${DEFAULT-VALUE}).")
    double warmup = DataBenchConfig.DEFAULT_WARMUP_SECONDS;

    @Option(names = "--windows", description = "Timed windows; the median is reported (default: ${DEFAULT-VALUE}).")
    int windows = DataBenchConfig.DEFAULT_WINDOWS;

    @Option(names = "--seed", description = "Data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-ndarray", description = "Skip timing the copy of a batch into engine arrays.")
    boolean noNdarray;

    @Mixin
    JsonOption json = new JsonOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatasetSpec images = dataset.required(spec);
        DataConfig data = new DataConfig(images, split != null ? split : images.format().defaultTrainSplit(),
                images.format().defaultTestSplit(), seed);
        AugmentConfig family = AugmentFamily.forDataset(images, optional(inputSize), optional(channels));
        DataBenchConfig bench = budget();
        DataBenchReport report;
        try {
            report = DataLoaderBench.run(data, family, batch, threads.count, bench, !noNdarray);
        } catch (DatasetException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // one line naming the file, not a trace
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on) {
            out.println(RunJson.mapper().writeValueAsString(toJson(report)));
        } else {
            printText(out, report);
        }
        out.flush();
        return 0;
    }

    private DataBenchConfig budget() {
        if (batches == null && seconds == null) {
            return DataBenchConfig.seconds(warmup, DataBenchConfig.DEFAULT_SECONDS, windows);
        }
        return new DataBenchConfig(warmup, batches == null ? 0 : batches, seconds == null ? 0 : seconds, windows);
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static ObjectNode toJson(DataBenchReport r) {
        DataBenchResult result = r.result();
        ObjectNode root = RunJson.mapper().createObjectNode();
        root.put("pairs_per_second", result.medianPairsPerSecond());
        root.put("pairs_per_second_min", result.minPairsPerSecond());
        root.put("pairs_per_second_max", result.maxPairsPerSecond());
        var perWindow = root.putArray("window_pairs_per_second");
        result.windows().forEach(w -> perWindow.add(w.pairsPerSecond()));
        root.put("threads", r.threads());
        root.put("batch", r.batch());
        root.put("dataset", r.dataset());
        root.put("split", r.split());
        root.put("images", r.images());
        root.put("family", r.family());
        var shape = root.putArray("view_shape");
        Arrays.stream(r.viewShape()).forEach(shape::add);
        root.put("warmup_batches", result.warmupBatches());
        root.put("timed_batches", result.timedBatches());
        root.put("timed_pairs", result.timedPairs());
        root.put("timed_seconds", result.timedSeconds());
        root.put("epochs_started", result.epochsStarted());
        root.put("open_seconds", r.openSeconds());
        BenchOutput.putOptional(root, "ndarray_copy_ms_per_batch", r.ndarrayCopyMillis());
        BenchOutput.putOptional(root, "peak_rss_mb", r.peakRssMb());
        BenchOutput.putOptional(root, "load_average_before", r.loadBefore());
        BenchOutput.putOptional(root, "load_average_after", r.loadAfter());
        root.put("processors", r.processors());
        return root;
    }

    private static void printText(PrintWriter out, DataBenchReport r) {
        DataBenchResult result = r.result();
        out.printf("data loader: %s (split %s, %,d images), family %s, batch %d, %d loader thread(s)%n",
                r.dataset(), r.split(), r.images(), r.family(), r.batch(), r.threads());
        out.printf("  view shape %s, opened in %.2f s%n", Arrays.toString(r.viewShape()), r.openSeconds());
        out.printf("  two-view pairs/s: %.1f median over %d windows (min %.1f, max %.1f); %d batches in %.1f s"
                + " after %d warm-up batches%n", result.medianPairsPerSecond(), result.windows().size(),
                result.minPairsPerSecond(), result.maxPairsPerSecond(), result.timedBatches(),
                result.timedSeconds(), result.warmupBatches());
        if (r.ndarrayCopyMillis().isPresent()) {
            out.printf("  NDArray copy on the training thread: %.3f ms per batch (median of %d)%n",
                    r.ndarrayCopyMillis().getAsDouble(), DataLoaderBench.COPY_REPEATS);
        }
        out.printf("  peak resident memory: %s; load average %s -> %s on %d processors%n",
                BenchOutput.format(r.peakRssMb(), "%.0f MB"), BenchOutput.format(r.loadBefore(), "%.2f"), BenchOutput.format(r.loadAfter(), "%.2f"),
                r.processors());
    }
}
