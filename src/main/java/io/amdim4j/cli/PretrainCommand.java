package io.amdim4j.cli;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DataConfig;
import io.amdim4j.data.DatasetFormat;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.loss.MixtureConfig;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.pipeline.AugmentFamily;
import io.amdim4j.run.PresetChoice;
import io.amdim4j.preflight.Preflight;
import io.amdim4j.preflight.PreflightCombination;
import io.amdim4j.train.OptimConfig;
import io.amdim4j.train.Preset;
import io.amdim4j.train.Pretraining;
import io.amdim4j.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code amdim pretrain}: self-supervised AMDIM training with online probes, checkpoints and resume. */
@Command(name = "pretrain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pre-train an AMDIM encoder (spec §3, §5, §7) with online linear and MLP probes.",
                "Without --dataset it trains on Fashion-MNIST in /usr/share/datasets/fashion-mnist.",
                "Resume a stopped or killed run with --resume RUN_DIR.",
                "--preset NAME sets a configuration of the paper; --init-from starts from other weights."})
final class PretrainCommand implements Callable<Integer>, EngineCommand {

    @Option(names = "--preset", paramLabel = "NAME", converter = PresetOptions.Converter.class,
            description = "Every hyper-parameter of a configuration of the paper / reference implementation "
                    + "(`amdim presets` lists them); options given beside it override it and are reported.")
    Preset preset;

    @Option(names = "--init-from", paramLabel = "RUN|CHECKPOINT|FILE.npz",
            description = "Start the encoder from another run's newest good checkpoint, a checkpoint file or a "
                    + "reference-implementation state dict (.npz): weights only; the probes, the optimiser and "
                    + "the update counter start afresh. The encoder options must match the source's.")
    Path initFrom;

    @Mixin
    DatasetOption dataset = new DatasetOption(DatasetSpec.atDefaultPath(DatasetFormat.FASHION_MNIST));

    @Option(names = "--train-split", converter = DatasetOption.SplitConverter.class,
            description = "Split for self-supervised training (default: the dataset's, e.g. train+unlabeled for STL-10).")
    Split trainSplit;

    @Option(names = "--test-split", converter = DatasetOption.SplitConverter.class,
            description = "Split for testing (default: the dataset's, test).")
    Split testSplit;

    @Mixin
    EncoderOptions encoder = new EncoderOptions();

    @Option(names = "--tclip", description = "Soft clip c of the NCE scores (default: ${DEFAULT-VALUE}).")
    double tclip = NceConfig.TCLIP;

    @Option(names = "--score-reg", description = "Score regulariser weight (default: ${DEFAULT-VALUE}; paper: 0.04).")
    double scoreReg = NceConfig.SCORE_REG_WEIGHT;

    @Option(names = "--mixtures", description = "Mixture components k (spec §4); 0 = off (default).")
    int mixtures;

    @Option(names = "--tau", description = "Mixture inverse temperature (default: ${DEFAULT-VALUE}).")
    double tau = MixtureConfig.TAU;

    @Option(names = "--alpha", description = "Mixture entropy weight (default: 1/tau).")
    Double alpha;

    @Option(names = "--epochs", description = "Epochs (default: 300 at 32/64 px, 50 at 128 px).")
    Integer epochs;

    @Option(names = "--steps", description = "Stop after this many updates in total (default: no limit).")
    long steps;

    @Option(names = "--minutes", description = "Also stop (with a checkpoint) after this many minutes of training.")
    double minutes;

    @Option(names = "--batch-size", description = "Images per update (default: ${DEFAULT-VALUE}; the authors recommend 480).")
    int batchSize = TrainConfig.BATCH_SIZE;

    @Option(names = "--lr", description = "Base learning rate (default: ${DEFAULT-VALUE}).")
    double lr = OptimConfig.LR;

    @Option(names = "--warmup", description = "Warm-up updates (default: ${DEFAULT-VALUE}).")
    int warmup = OptimConfig.WARMUP_UPDATES;

    @Mixin
    PrecisionOptions precision = new PrecisionOptions();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--seed", description = "Master seed of every random stream (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--loader-threads", description = "Threads assembling batches (default: ${DEFAULT-VALUE}).")
    int loaderThreads = 1;

    @Option(names = "--checkpoint-every", description = "Also checkpoint every N updates (default: epoch ends only).")
    int checkpointEvery;

    @Option(names = "--keep-checkpoints", description = "Checkpoints kept (default: ${DEFAULT-VALUE}).")
    int keepCheckpoints = 3;

    @Option(names = "--bn-batches", description = "Training batches for BN re-estimation before a test (default: ${DEFAULT-VALUE}).")
    int bnBatches = TrainConfig.BN_BATCHES;

    @Option(names = "--no-test", description = "Skip the per-epoch test of the online probes.")
    boolean noTest;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Mixin
    EngineThreadsOption engineThreads = new EngineThreadsOption();

    @Mixin
    LocalRanksOption localRanks = new LocalRanksOption();

    @Option(names = "--run-dir", converter = RunDirConverter.class,
            description = "Run directory (default: runs/<dataset>-<timestamp>).")
    Path runDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue this run from its newest good "
            + "checkpoint. Only " + ResumeOptions.MAY_CHANGE_TEXT + " may be given with it; they take effect from "
            + "the resumed update and config.json's history records each change. Any other option is refused.")
    Path resume;

    @Spec
    CommandSpec spec;

    /** How {@link #toConfig} proved the precision; recorded in config.json. */

    @Override
    public Integer call() throws Exception {
        localRanks.check();
        return MpiJob.run("amdim pretrain", spec.commandLine().getErr(), this::pretrain);
    }

    /** Trains as one process of {@code group}; rank 0 alone prints (and writes the run). */
    private int pretrain(ProcessGroup group) throws IOException {
        PrintWriter out = group.isLeader() ? spec.commandLine().getOut() : new PrintWriter(Writer.nullWriter());
        Pretraining.Options options = new Pretraining.Options(progress.shown() && group.isLeader(),
                spec.commandLine().getErr(), minutes * 60).withProcessGroup(group).withEngineThreads(engineThreads.policy);
        Pretraining.Outcome outcome;
        ParseResult given = spec.commandLine().getParseResult();
        if (resume != null) {
            if (initFrom != null) {
                throw new IllegalArgumentException("--init-from cannot be combined with --resume: a resumed run "
                        + "continues from its own checkpoint's weights, optimiser state and update counter");
            }
            // the run's precision is fixed: proven as it is (on another machine it may not run), never changed
            outcome = Pretraining.resume(resume, run -> proveUnchanged(ResumeOptions.changes(given, run).applyTo(run)),
                    options);
        } else {
            Plan plan = plan(given);
            // proven before anything is printed or written: a combination that crashes here falls back or is refused
            Preflight.Result proven = precision.prove(Runtime.of(plan.config().device(), plan.config().precision()),
                    plan.config().encoder(), plan.config().batchSize(), spec.commandLine().getErr());
            TrainConfig config = plan.config().withPrecision(proven.precision());
            if (plan.preset() != null) {
                PresetOptions.print(out, preset, plan.preset(), config);
            }
            Path dir = runDir != null ? runDir : defaultRunDir(config.data().dataset());
            out.println("run directory: " + dir.toAbsolutePath());
            out.flush();
            outcome = Pretraining.start(config, dir, options,
                    new Pretraining.Origin(initFrom, plan.preset(), proven.verdict()));
        }
        out.printf("stopped at update %d (epoch %d); checkpoint %s%n", outcome.cursor().step(),
                outcome.cursor().epoch(), outcome.checkpoint());
        out.println("run directory: " + outcome.run().root().toAbsolutePath());
        out.flush();
        return 0;
    }

    /**
     * A new run's configuration and the preset it came from.
     *
     * @param config the configuration
     * @param preset the preset's values and overrides; {@code null} without --preset
     */
    record Plan(TrainConfig config, PresetChoice preset) {}

    /** Fills in the preset's options (if any) that {@code given} lacks, then builds the configuration from the options. */
    Plan plan(ParseResult given) {
        PresetChoice choice = preset == null ? null : PresetOptions.apply(preset, spec, given);
        return new Plan(toConfig(), choice);
    }

    TrainConfig toConfig() {
        DatasetFormat format = dataset.spec.format();
        if (preset != null) {
            preset.requireFits(format);
        }
        DataConfig data = new DataConfig(dataset.spec, trainSplit != null ? trainSplit : format.defaultTrainSplit(),
                testSplit != null ? testSplit : format.defaultTestSplit(), seed);
        AugmentConfig augment = AugmentFamily.forDataset(data.dataset(), encoder.inputSizeOption(),
                encoder.channelsOption());
        EncoderConfig enc = encoder.toConfig(augment.size(), augment.channels());
        int e = epochs != null ? epochs : enc.inputSize() == EncoderConfig.IMAGENET_SIZE ? 50 : 300;
        OptimConfig optim = OptimConfig.forEpochs(e, enc.inputSize()).withLr(lr).withWarmup(warmup);
        MixtureConfig mix = mixtures > 0
                ? new MixtureConfig(true, mixtures, tau, alpha != null ? alpha : 1.0 / tau, true)
                : MixtureConfig.defaults();
        return new TrainConfig(data, enc, augment, new NceConfig(tclip, scoreReg), mix, optim, e, steps, batchSize,
                loaderThreads, checkpointEvery, keepCheckpoints, !noTest, bnBatches, precision.toConfig(device.device), 1, device.device);
    }

    /** A resumed run's configuration, once its precision is proven on this machine; refused if it crashes. */
    private TrainConfig proveUnchanged(TrainConfig run) {
        Preflight.prove(new PreflightCombination(run.device(), run.precision(), run.encoder(), run.batchSize()), false,
                spec.commandLine().getErr());
        return run;
    }

    private static Path defaultRunDir(DatasetSpec spec) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", spec.format().cliName() + "-" + stamp);
    }
}
