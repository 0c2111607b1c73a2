package io.amdim4j.train;

import ai.djl.ndarray.NDManager;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.PretrainBatches;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry points of pre-training: a new run, or the continuation of one from its newest readable
 * checkpoint. Builds the pieces (data, model, optimiser, listeners) and hands them to
 * {@link PretrainLoop}.
 */
public final class Pretraining {

    /**
     * How a run reports to the person watching it, and an optional wall-clock budget.
     *
     * @param progressBar live bar on stderr
     * @param log messages (resume position, skipped checkpoints)
     * @param budgetSeconds stop (with a checkpoint) after the first update past this many seconds; 0 for none.
     *     A budget makes the stopping step depend on the machine, so it is a run-control option, not part of
     *     the configuration.
     */
    public record Options(boolean progressBar, PrintWriter log, double budgetSeconds) {

        public Options(boolean progressBar, PrintWriter log) {
            this(progressBar, log, 0);
        }
    }

    /** Where a finished (or stopped) run ended. */
    public record Outcome(RunDirectory run, TrainingCursor cursor, Path checkpoint) {}

    private Pretraining() {}

    /** Starts a new run in an empty or absent directory. */
    public static Outcome start(TrainConfig config, Path runDir, Options options) throws IOException {
        RunDirectory run = new RunDirectory(runDir);
        if (Files.exists(run.config()) || !run.checkpointsNewestFirst().isEmpty()) {
            throw new IllegalArgumentException(runDir + " already holds a run; use --resume " + runDir
                    + " to continue it, or choose another --run-dir");
        }
        String checksum = config.data().spec().checksum(); // fails on a missing dataset before anything is written
        Files.createDirectories(runDir);
        writeConfig(config, run, checksum);
        try (NDManager root = NDManager.newBaseManager()) {
            return train(config, run, null, root, options);
        }
    }

    /**
     * Continues a run from its newest readable checkpoint; {@code maxSteps} (total updates) may
     * extend it. Any other difference from the stored configuration is refused.
     */
    public static Outcome resume(Path runDir, Long maxSteps, Integer loaderThreads, Options options)
            throws IOException {
        RunDirectory run = new RunDirectory(runDir);
        try (NDManager root = NDManager.newBaseManager()) {
            List<String> warnings = new ArrayList<>();
            Checkpoint checkpoint = Checkpoint.latest(run, root, warnings);
            warnings.forEach(w -> options.log().println("amdim pretrain: " + w));
            TrainConfig config = checkpoint.config();
            if (maxSteps != null) {
                config = config.withMaxSteps(maxSteps);
            }
            if (loaderThreads != null) {
                config = config.withLoaderThreads(loaderThreads);
            }
            options.log().printf("amdim pretrain: resuming %s at update %d (epoch %d, batch %d)%n", runDir,
                    checkpoint.cursor().step(), checkpoint.cursor().epoch(), checkpoint.cursor().batch());
            options.log().flush();
            return train(config, run, checkpoint, root, options);
        }
    }

    private static Outcome train(TrainConfig config, RunDirectory run, Checkpoint from, NDManager root,
            Options options) throws IOException {
        ImageDataset trainSet = config.data().openTrain();
        int numClasses = Math.max(trainSet.classNames().size(), 1);
        TrainingCursor start = from == null ? TrainingCursor.START : from.cursor();
        long initSeed = config.data().seeds().derive("init").epochSeed(0);
        try (PretrainModel model = new PretrainModel(config, numClasses, initSeed, root);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager());
                BatchLoader loader = PretrainBatches.training(trainSet, config.augment(), config.data().seeds(),
                        config.batchSize(), config.loaderThreads());
                MetricsLog metrics = MetricsLog.openAt(run.metrics(), start.step())) {
            Path resumedFrom = null;
            if (from != null) {
                resumedFrom = run.checkpoint(from.cursor().step());
                from.restore(model, adam, resumedFrom.toString());
            }
            CheckpointListener checkpoints = new CheckpointListener(config, model, adam, run, resumedFrom,
                    from == null ? null : from.cursor());
            List<PretrainListener> listeners = new ArrayList<>();
            listeners.add(new MetricsJsonlListener(metrics));
            listeners.add(checkpoints);
            if (options.progressBar()) {
                listeners.add(new ProgressListener(config, loader.batchesPerEpoch()));
            }
            PretrainLoop.EpochTester tester = config.testEachEpoch()
                    ? new OnlineProbeTester(config, model, trainSet)
                    : epoch -> ProbeAccuracy.NOT_MEASURED;
            PretrainLoop loop = new PretrainLoop(config, new PretrainStep(config, model, adam), loader, tester,
                    listeners, step -> checkpoints.lastGood());
            if (options.budgetSeconds() > 0) {
                loop.stopAfterSeconds(options.budgetSeconds());
            }
            TrainingCursor end = loop.run(start);
            return new Outcome(run, end, run.checkpoint(end.step()));
        }
    }

    private static void writeConfig(TrainConfig config, RunDirectory run, String datasetChecksum) throws IOException {
        new ConfigJson<>(config, EngineProvenance.capture(), datasetChecksum, List.of()).write(run.config());
    }
}
