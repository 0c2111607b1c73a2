package io.amdim4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.bench.AllReduceBenchmark;
import io.amdim4j.dist.GradientAllReduce;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.run.RunJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mpiexec -n 2 amdim bench allreduce}: bytes/s of the gradient average at the encoders' gradient sizes. */
@Command(name = "allreduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the gradient average of data-parallel pre-training (bucketed, in-place MPI all-reduce) "
                + "on buffers the size of an encoder's gradient. Run it under mpiexec with 2 or more ranks, e.g. "
                + "mpiexec -n 2 ./amdim bench allreduce; rank 0 prints."})
final class BenchAllReduceCommand implements Callable<Integer> {

    @Option(names = "--ndf", split = ",", description = "Encoder widths whose gradient sizes are timed, 32 px, n_depth 3, "
            + "n_rkhs 256/512/1024 for ndf 32/64/128 (default: 32,64,128).")
    List<Integer> ndf = List.of(32, 64, 128);

    @Option(names = "--repeats", description = "Timed all-reduces per size; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats = 10;

    @Option(names = "--warmup", description = "Untimed all-reduces first (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Mixin
    JsonOption json = new JsonOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return MpiJob.run("amdim bench allreduce", spec.commandLine().getErr(), this::bench);
    }

    private int bench(ProcessGroup group) throws Exception {
        List<EncoderConfig> encoders = ndf.stream().map(AllReduceBenchmark::encoder).toList();
        AllReduceBenchmark.Result result = new AllReduceBenchmark(encoders, repeats, warmup).run(group);
        if (!group.isLeader()) {
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on) {
            out.println(RunJson.mapper().writeValueAsString(toJson(result)));
        } else {
            out.printf("gradient all-reduce over %d MPI ranks (buckets of %d floats), median of %d:%n", result.ranks(),
                    GradientAllReduce.BUCKET_FLOATS, repeats);
            for (AllReduceBenchmark.Size s : result.sizes()) {
                out.printf("  ndf %3d, n_rkhs %4d: %,d floats (%.1f MB) in %.4f s, %.1f MB/s%n", s.encoder().ndf(),
                        s.encoder().nRkhs(), s.floats(), s.floats() * 4 / 1e6, s.medianSeconds(),
                        s.bytesPerSecond() / 1e6);
            }
            out.printf("  peak resident memory of rank 0: %s%n", BenchOutput.format(result.peakRssMb(), "%.0f MB"));
        }
        out.flush();
        return 0;
    }

    private ObjectNode toJson(AllReduceBenchmark.Result r) {
        ObjectNode root = RunJson.mapper().createObjectNode();
        root.put("ranks", r.ranks());
        root.put("bucket_floats", GradientAllReduce.BUCKET_FLOATS);
        root.put("repeats", repeats);
        root.put("warmup", warmup);
        ArrayNode sizes = root.putArray("sizes");
        for (AllReduceBenchmark.Size s : r.sizes()) {
            ObjectNode row = sizes.addObject();
            row.put("ndf", s.encoder().ndf());
            row.put("n_rkhs", s.encoder().nRkhs());
            row.put("n_depth", s.encoder().nDepth());
            row.put("floats", s.floats());
            row.put("bytes", s.floats() * Float.BYTES);
            row.put("median_s", s.medianSeconds());
            row.put("bytes_per_second", s.bytesPerSecond());
        }
        BenchOutput.putOptional(root, "peak_rss_mb", r.peakRssMb());
        root.put("processors", Runtime.getRuntime().availableProcessors());
        return root;
    }
}
