package io.amdim4j.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.bench.OpProfile;
import io.amdim4j.bench.PrimitiveProfile;
import io.amdim4j.bench.TrainStepBenchConfig;
import io.amdim4j.bench.TrainStepBenchResult;
import io.amdim4j.bench.TrainStepBenchmark;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.run.Provenance;
import io.amdim4j.run.RunJson;
import io.amdim4j.preflight.Preflight;
import io.amdim4j.runtime.EngineProvenance;
import io.amdim4j.train.PretrainStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code amdim bench train-step}: median time of a full pre-training update on synthetic views. */
@Command(name = "train-step", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time full pre-training updates (both views forward, multiscale NCE, online probes, "
                + "backward, Adam) on synthetic input, through the same code as pretrain.",
                "Engine threads: AMDIM_THREADS (the launcher's -Dai.djl.pytorch.num_threads), or --engine-threads auto; "
                        + "OpenMP's wait policy: "
                        + "OMP_WAIT_POLICY and GOMP_SPINCOUNT, read once when the engine loads."})
final class BenchTrainStepCommand implements Callable<Integer>, EngineCommand {

    /** JSON value of an OpenMP variable that is not set. */
    static final String UNSET = "unset";

    /** Operations listed from a profile. */
    private static final int PROFILE_ROWS = 12;

    /** Primitive shapes listed by {@code --primitives} in text. */
    private static final int PRIMITIVE_ROWS = 30;

    /** The hidden option of the child process that {@code --primitives} starts. */
    static final String ONEDNN_VERBOSE = "--onednn-verbose";

    @Mixin
    EncoderOptions encoder = new EncoderOptions();

    @Option(names = "--batch", description = "Pairs per update (default: ${DEFAULT-VALUE}).")
    int batch = 64;

    @Option(names = "--steps", description = "Timed updates; the median is reported (default: ${DEFAULT-VALUE}).")
    int steps = 10;

    @Option(names = "--warmup", description = "Untimed updates first (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Mixin
    PrecisionOptions precision = new PrecisionOptions();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--busy-neighbour", description = "Keep one core busy with a spinning thread during the timed "
            + "updates, as another program on the machine would (OpenMP's waiting suffers most from that).")
    boolean busyNeighbour;

    @Mixin
    EngineThreadsOption engineThreads = new EngineThreadsOption();

    @Mixin
    LocalRanksOption localRanks = new LocalRanksOption();

    @Option(names = "--seed", description = "Seed of the weights and the synthetic views (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Mixin
    JsonOption json = new JsonOption();

    @Option(names = "--profile", paramLabel = "TRACE.json", description = "Also record PyTorch's operator profile "
            + "of the timed updates to this Chrome-trace file and print where the time went.")
    Path profile;

    @Option(names = "--primitives", description = "Also list the oneDNN primitives of one update (kind, direction, "
            + "shape, implementation, ms and calls per update) from oneDNN's verbose log of the timed updates, "
            + "taken in a child process of the same command (the log slows every primitive a little).")
    boolean primitives;

    /** Set in the child of {@code --primitives}: log the timed updates' primitives on standard output. */
    @Option(names = ONEDNN_VERBOSE, hidden = true)
    boolean onednnVerbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        localRanks.check();
        return MpiJob.run("amdim bench train-step", spec.commandLine().getErr(), group -> {
            if (!primitives) {
                return bench(group);
            }
            if (group.size() > 1) {
                throw new IllegalArgumentException("--primitives times one process; run it without mpiexec "
                        + "or --local-ranks");
            }
            return withPrimitives();
        });
    }

    /** Under mpiexec, every rank takes the updates (with the gradient all-reduce) and rank 0 reports. */
    private int bench(ProcessGroup group) throws Exception {
        EncoderConfig enc = encoder.toConfig();
        Runtime runtime = precision.resolve(device.device, engineThreads.policy);
        PrintWriter err = group.isLeader() ? spec.commandLine().getErr() : new PrintWriter(Writer.nullWriter());
        Preflight.Result proven = precision.prove(runtime, enc, batch, err);
        TrainStepBenchConfig config = new TrainStepBenchConfig(enc, batch, steps, warmup, proven.precision(),
                TrainStepBenchConfig.CLASSES, seed, busyNeighbour, runtime.device(), runtime.adaptiveThreads());
        TrainStepBenchResult result;
        try (NDManager root = runtime.newBaseManager()) {
            result = new TrainStepBenchmark(config, err).run(root, profile, group, onednnVerbose);
        }
        if (!group.isLeader()) {
            return 0;
        }
        OpProfile ops = profile == null ? null : OpProfile.read(profile);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on) {
            ObjectNode node = toJson(result);
            node.set("preflight", RunJson.mapper().valueToTree(proven.verdict()));
            if (ops != null) {
                putProfile(node, ops, config.steps());
            }
            out.println(RunJson.mapper().writeValueAsString(node));
        } else {
            printText(out, result);
            if (ops != null) {
                printProfile(out, ops, config.steps());
            }
        }
        out.flush();
        return 0;
    }

    /**
     * The same command in a child JVM with oneDNN's verbose log of its timed updates; its report is passed
     * on, with the primitive table after it (or inside its JSON object).
     */
    private int withPrimitives() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        args.replaceAll(a -> a.equals("--primitives") ? ONEDNN_VERBOSE : a);
        ChildRun child = ChildRun.of(args);
        PrintWriter out = spec.commandLine().getOut();
        if (child.exitCode() != 0) {
            throw new IllegalStateException("bench train-step --primitives: the child process exited with "
                    + child.exitCode() + ": " + child.lastError());
        }
        PrimitiveProfile table = PrimitiveProfile.parse(child.verbose(), steps);
        if (table.directions().isEmpty()) {
            throw new IllegalStateException("bench train-step --primitives: oneDNN logged no primitive execution "
                    + "(is the engine built with oneDNN?)");
        }
        if (json.on) {
            ObjectNode node = (ObjectNode) RunJson.mapper().readTree(String.join("\n", child.report()));
            putPrimitives(node, table);
            out.println(RunJson.mapper().writeValueAsString(node));
        } else {
            child.report().forEach(out::println);
            table.print(out, PRIMITIVE_ROWS);
        }
        out.flush();
        return 0;
    }

    private static void putPrimitives(ObjectNode node, PrimitiveProfile table) {
        ObjectNode p = node.putObject("primitives");
        p.put("updates", table.updates());
        p.put("ms_per_update", table.millisPerUpdate());
        putRows(p.putArray("by_direction"), table.directions(), table.updates(), false);
        putRows(p.putArray("by_shape"), table.shapes(), table.updates(), true);
    }

    private static void putRows(com.fasterxml.jackson.databind.node.ArrayNode array, List<PrimitiveProfile.Row> rows,
            int updates, boolean shapes) {
        for (PrimitiveProfile.Row r : rows) {
            ObjectNode row = array.addObject();
            row.put("kind", r.kind());
            row.put("direction", r.direction());
            if (shapes) {
                row.put("problem", r.problem());
                row.put("impl", r.impl());
                row.put("source", r.source());
            }
            row.put("ms_per_update", r.millis() / updates);
            row.put("calls_per_update", (double) r.calls() / updates);
        }
    }

    private static ObjectNode toJson(TrainStepBenchResult r) {
        TrainStepBenchConfig c = r.config();
        ObjectNode root = RunJson.mapper().createObjectNode();
        root.put("median_s_per_step", r.medianSeconds());
        root.put("pairs_per_second", r.pairsPerSecond());
        root.put("ranks", r.ranks());
        root.put("gflops_per_second", r.gflopsPerSecond());
        BenchOutput.putOptional(root, "peak_rss_mb", r.peakRssMb());
        root.put("min_s_per_step", r.minSeconds());
        root.put("max_s_per_step", r.maxSeconds());
        var each = root.putArray("s_per_step");
        Arrays.stream(r.stepSeconds()).forEach(each::add);
        root.put("gflop_per_step", c.flopsPerUpdate() / 1e9);
        root.put("input_size", c.encoder().inputSize());
        root.put("ndf", c.encoder().ndf());
        root.put("n_rkhs", c.encoder().nRkhs());
        root.put("n_depth", c.encoder().nDepth());
        root.put("use_bn", c.encoder().useBn());
        root.put("batch", c.batch());
        root.put("steps", c.steps());
        root.put("warmup", c.warmup());
        root.put("precision", c.precision().precision().toString());
        root.put("precision_requested", c.precision().requested().toString());
        root.put("memory_format", c.precision().memoryFormat().toString());
        root.put("device", c.device().toString());
        root.put("busy_neighbour", c.busyNeighbour());
        // libgomp reads these once, when the engine loads; "unset" is its default (spin, then sleep)
        root.put("omp_wait_policy", System.getenv().getOrDefault("OMP_WAIT_POLICY", UNSET));
        root.put("gomp_spincount", System.getenv().getOrDefault("GOMP_SPINCOUNT", UNSET));
        root.put("cast_weights_once", PretrainStep.castWeightsOnce());
        root.put("last_loss", r.lastLoss());
        root.put("engine", EngineProvenance.engine());
        root.put("engine_threads", Provenance.engineThreads());
        root.put("engine_threads_policy", c.adaptiveThreads() ? "auto" : "fixed");
        root.put("engine_threads_last", r.engineThreads());
        root.put("processors", java.lang.Runtime.getRuntime().availableProcessors());
        return root;
    }

    private static void putProfile(ObjectNode node, OpProfile ops, int updates) {
        node.put("profile_ms_per_step", ops.totalMicros() / 1e3 / updates);
        var top = node.putArray("profile_top_ops");
        for (OpProfile.Entry e : ops.top(PROFILE_ROWS)) {
            ObjectNode row = top.addObject();
            row.put("op", e.name());
            row.put("ms_per_step", e.micros() / 1e3 / updates);
            row.put("calls_per_step", (double) e.calls() / updates);
            row.put("share", ops.share(e));
        }
    }

    private static void printProfile(PrintWriter out, OpProfile ops, int updates) {
        out.printf("  operator profile: %.1f ms of top-level operations per update; the longest:%n",
                ops.totalMicros() / 1e3 / updates);
        for (OpProfile.Entry e : ops.top(PROFILE_ROWS)) {
            out.printf("    %8.1f ms %5.1f%% %6.1f calls  %s%n", e.micros() / 1e3 / updates, 100 * ops.share(e),
                    (double) e.calls() / updates, e.name());
        }
    }

    private static void printText(PrintWriter out, TrainStepBenchResult r) {
        TrainStepBenchConfig c = r.config();
        EncoderConfig e = c.encoder();
        out.printf("train step: %d px, ndf %d, n_rkhs %d, n_depth %d%s, batch %d pairs, %s, %s, %d engine thread(s)%s%n",
                e.inputSize(), e.ndf(), e.nRkhs(), e.nDepth(), e.useBn() ? ", use_bn" : "", c.batch(),
                c.precision().precision().toString() + " " + c.precision().memoryFormat().toString(), c.device(),
                Provenance.engineThreads(), r.ranks() > 1 ? " per rank, " + r.ranks() + " MPI ranks" : "");
        if (c.busyNeighbour()) {
            out.println("  timed with a busy neighbour: one spinning thread on one core");
        }
        if (c.adaptiveThreads()) {
            out.printf("  engine threads chosen by timing the updates (--engine-threads auto): %d after the last update%n",
                    r.engineThreads());
        }
        out.printf("  median %.3f s per update over %d updates (min %.3f, max %.3f) after %d warm-up%n",
                r.medianSeconds(), c.steps(), r.minSeconds(), r.maxSeconds(), c.warmup());
        out.printf("  %.1f pairs/s, %.1f GFLOP/s (%.1f GFLOP counted per update)%n",
                r.pairsPerSecond(), r.gflopsPerSecond(), c.flopsPerUpdate() / 1e9);
        out.printf("  peak resident memory: %s; last loss %.4f%n", BenchOutput.format(r.peakRssMb(), "%.0f MB"),
                r.lastLoss());
    }
}
