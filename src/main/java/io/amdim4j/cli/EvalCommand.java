package io.amdim4j.cli;

import ai.djl.ndarray.NDManager;
import io.amdim4j.data.DataConfig;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.Subset;
import io.amdim4j.eval.EncoderEvaluation;
import io.amdim4j.eval.EvalConfig;
import io.amdim4j.eval.EvalImages;
import io.amdim4j.eval.FeatureSet;
import io.amdim4j.eval.KnnEval;
import io.amdim4j.eval.LabelFraction;
import io.amdim4j.loss.ClippedCrossEntropyLoss;
import io.amdim4j.run.EvalJson;
import io.amdim4j.run.EvalTable;
import io.amdim4j.run.MethodEvaluation;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.runtime.EngineProvenance;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.train.TrainConfig;
import io.amdim4j.train.TrainedEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code amdim eval}: the frozen-feature evaluation of a trained encoder beside its baselines
 * (spec §6.2, §6.3), as a table and as {@code RUN_DIR/eval.json}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Evaluate a frozen encoder (linear, MLP, kNN) beside random-init and raw-pixel baselines.",
        description = {"Evaluate the frozen encoder of a checkpoint (spec §6.3, standard linear",
                "evaluation) beside the same architecture at random initialisation and raw",
                "pixels: BN statistics re-estimated on training images (spec §6.2; in memory",
                "only, the checkpoint is never written), then linear / MLP probes and kNN.",
                "Hyper-parameters are chosen on a validation split of the training features;",
                "every test image is scored once. --dataset and the splits default to the run's.",
                "Writes RUN_DIR/eval.json if the run is known,",
                "after each method (the unfinished ones listed under \"pending\"), so a killed",
                "evaluation keeps what it finished.",
                "Engine threads: AMDIM_THREADS (the launcher's -Dai.djl.pytorch.num_threads);",
                "BENCHMARKS.md has what thread counts cost on a busy machine."})
final class EvalCommand implements Callable<Integer>, EngineCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    CheckpointSource source;

    @Mixin
    DatasetOption dataset = new DatasetOption();

    @Mixin
    RunSplits splits = new RunSplits();

    @Option(names = "--train-images", paramLabel = "N",
            description = "Use a class-balanced, seeded subset of N training images (default: all); "
                    + "only these are encoded, which keeps a quick evaluation quick.")
    Integer trainImages;

    @Option(names = "--protocol", split = ",", paramLabel = "linear|mlp|knn", defaultValue = "linear,knn",
            description = "Protocols, comma-separated or repeated (default: ${DEFAULT-VALUE}; mlp is the slowest).")
    List<EvalConfig.Protocol> protocols;

    @Option(names = "--features", paramLabel = "SET", defaultValue = "r1", converter = FeatureSetConverter.class,
            description = "Encoder outputs joined by '+': r1, r5avg, r7avg, e.g. r1+r5avg+r7avg "
                    + "(default: ${DEFAULT-VALUE}).")
    FeatureSet features;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "" + EvalConfig.DEFAULT_SEEDS,
            description = "Probe seeds; accuracies are mean ± std over them (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + EvalConfig.DEFAULT_SEED,
            description = "Master seed of the probe seeds, label subsets and BN sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--label-fraction", split = ",", paramLabel = "F", defaultValue = "1.0",
            converter = LabelFractionConverter.class,
            description = "Shares of labelled training images in (0, 1], e.g. 0.01,0.1,1.0 (default: ${DEFAULT-VALUE}).")
    List<LabelFraction> labelFractions;

    @Option(names = "--k", split = ",", paramLabel = "K", defaultValue = "20,200",
            description = "kNN neighbour counts (default: ${DEFAULT-VALUE}).")
    List<Integer> kValues;

    @Option(names = "--bn-batches", paramLabel = "K", defaultValue = "" + TrainConfig.BN_BATCHES,
            description = "Training batches for BN re-estimation (spec §6.2); 0 = use the checkpoint's "
                    + "statistics (default: ${DEFAULT-VALUE}).")
    int bnBatches;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + TrainConfig.BATCH_SIZE,
            description = "Images per forward pass and per BN re-estimation batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    ImageThreadsOption threads = new ImageThreadsOption();

    @Mixin
    PrecisionOptions precision = new PrecisionOptions();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--no-baselines", description = "Evaluate the trained encoder only.")
    boolean noBaselines;

    @Option(names = "--json", description = "Print the eval.json content to stdout (the table goes to stderr).")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the JSON (default: RUN_DIR/eval.json, when the run directory is known).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EvalConfig requested = toConfig();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        long start = System.nanoTime();
        try (NDManager manager = device.device.newBaseManager()) {
            TrainedEncoder trained = source.load(manager, stderr, spec.name());
            EvalConfig config = requested.withPrecision(
                    precision.prove(Runtime.of(device.device, requested.precision()), trained.encoder().getConfig(), batch,
                            stderr).precision());
            DataConfig data = splits.resolve(trained.config().data(), dataset);
            EvalImages images = new EvalImages(limit(RunSplits.openTrain(data)),
                    RunSplits.openTest(data), trained.augment(), batch, threads.count);
            EncoderEvaluation evaluation = new EncoderEvaluation(config, new ClippedCrossEntropyLoss()::evaluate,
                    manager, line -> {
                        stderr.println("amdim eval: " + line);
                        stderr.flush();
                    });
            Optional<Path> target = out != null ? Optional.of(out) : runDirectory(trained).map(RunDirectory::eval);
            List<String> order = EncoderEvaluation.methodNames(!noBaselines);
            Function<List<MethodEvaluation>, EvalJson<EvalConfig>> snapshot = methods -> new EvalJson<>(
                    trained.checkpoint().toAbsolutePath().toString(), data.dataset().toString(),
                    data.trainSplit().toString(), data.testSplit().toString(), config,
                    EncoderEvaluation.RANDOM_INIT_SEED, methods,
                    order.subList(methods.size(), order.size()), (System.nanoTime() - start) / 1e9,
                    EngineProvenance.capture());
            List<MethodEvaluation> methods = evaluation.evaluate(trained.encoder(), images, !noBaselines, done -> {
                if (done.size() < order.size() && target.isPresent()) {
                    writePartial(snapshot.apply(done), target.get(), stderr);
                }
            });
            EvalJson<EvalConfig> result = snapshot.apply(methods);
            PrintWriter tableOut = json ? stderr : stdout;
            tableOut.print(EvalTable.of(result).text());
            if (target.isPresent()) {
                result.write(target.get());
                tableOut.println("wrote " + target.get().toAbsolutePath());
            } else {
                tableOut.println("not written: " + trained.checkpoint() + " is not inside a run directory; "
                        + "use --out FILE to keep the results");
            }
            tableOut.flush();
            if (json) {
                stdout.print(new String(result.toBytes(), StandardCharsets.UTF_8));
                stdout.flush();
            }
        }
        return 0;
    }

    /** Saves the methods finished so far, so that a kill loses only the method in progress. */
    private static void writePartial(EvalJson<?> partial, Path target, PrintWriter log) {
        try {
            partial.write(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.println("amdim eval: saved " + partial.methods().size() + " of "
                + (partial.methods().size() + partial.pending().size()) + " methods to " + target.toAbsolutePath()
                + " (pending: " + String.join(", ", partial.pending()) + ")");
        log.flush();
    }

    /** The --train-images subset, drawn with the evaluation seed; the whole split without the option. */
    private ImageDataset limit(ImageDataset train) {
        if (trainImages == null || trainImages >= train.size()) {
            return train;
        }
        requireAtLeast(trainImages, 1, "--train-images");
        return Subset.labelFraction(train, (double) trainImages / train.size(), seed);
    }

    /** The settings; bad values fail here, naming the option, before anything is loaded. */
    EvalConfig toConfig() {
        requireAtLeast(seeds, 1, "--seeds");
        requireAtLeast(bnBatches, 0, "--bn-batches");
        // a BN layer in training mode needs two images for its batch variance
        requireAtLeast(batch, bnBatches > 0 ? 2 : 1, "--batch");
        requireAtLeast(threads.count, 1, "--threads");
        EvalConfig defaults = EvalConfig.defaults();
        try {
            return defaults.withProtocols(protocols).withFeatureSet(features).withSeeds(seeds, seed)
                    .withLabelFractions(labelFractions).withBnBatches(bnBatches).withPrecision(precision.toConfig(device.device))
                    .withProbes(defaults.linear(), defaults.mlp(), new KnnEval.Settings(kValues,
                            KnnEval.Settings.DEFAULT_TEMPERATURE, KnnEval.Settings.DEFAULT_BLOCK_SIZE));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void requireAtLeast(long value, long min, String option) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be ≥ " + min + ", got " + value);
        }
    }

    /** --run-dir, or the run a checkpoint sits in (RUN_DIR/checkpoints/step-N.ckpt beside RUN_DIR/config.json). */
    private Optional<Path> runDirectoryPath(Path checkpoint) {
        if (source.runDir != null) {
            return Optional.of(source.runDir);
        }
        Path absolute = checkpoint.toAbsolutePath();
        Path parent = absolute.getParent();
        Path grandparent = parent == null ? null : parent.getParent();
        if (grandparent != null && parent.equals(new RunDirectory(grandparent).checkpoints())
                && Files.isRegularFile(new RunDirectory(grandparent).config())) {
            return Optional.of(grandparent);
        }
        return Optional.empty();
    }

    private Optional<RunDirectory> runDirectory(TrainedEncoder trained) {
        return runDirectoryPath(trained.checkpoint()).map(RunDirectory::new);
    }
}
