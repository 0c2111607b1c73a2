package io.amdim4j.train;

import ai.djl.ndarray.NDManager;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.PretrainBatches;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

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
     * @param listeners the caller's own listeners, told of every update after the run's metrics and
     *     checkpoint listeners
     */
    public record Options(boolean progressBar, PrintWriter log, double budgetSeconds, List<PretrainListener> listeners) {

        /**
         * Keeps its own copy of {@code listeners}.
         *
         * @param progressBar live bar on stderr
         * @param log messages
         * @param budgetSeconds wall-clock budget; 0 for none
         * @param listeners the caller's own listeners
         */
        public Options {
            listeners = List.copyOf(listeners);
        }

        /**
         * Options with a budget and no listeners of the caller's.
         *
         * @param progressBar live bar on stderr
         * @param log messages
         * @param budgetSeconds wall-clock budget; 0 for none
         */
        public Options(boolean progressBar, PrintWriter log, double budgetSeconds) {
            this(progressBar, log, budgetSeconds, List.of());
        }

        /**
         * Options without a budget or listeners of the caller's.
         *
         * @param progressBar live bar on stderr
         * @param log messages
         */
        public Options(boolean progressBar, PrintWriter log) {
            this(progressBar, log, 0);
        }

        /**
         * The same options with {@code listener} added after the ones already given.
         *
         * @param listener told of every update, epoch end and stop of the run
         * @return new options; these stay as they are
         */
        public Options withListener(PretrainListener listener) {
            List<PretrainListener> all = new ArrayList<>(listeners);
            all.add(Objects.requireNonNull(listener, "listener"));
            return new Options(progressBar, log, budgetSeconds, all);
        }
    }

    /**
     * Where a finished (or stopped) run ended.
     *
     * @param run the run directory's layout
     * @param cursor epoch, batch and update after the last update
     * @param checkpoint the checkpoint written at that update, from which {@link TrainedEncoder} loads
     */
    public record Outcome(RunDirectory run, TrainingCursor cursor, Path checkpoint) {}

    private Pretraining() {}

    /**
     * Starts a new run in an empty or absent directory, holding the directory's {@link RunLock} until it
     * ends. The dataset is opened (and fingerprinted) before anything is written.
     *
     * @param config the whole run's configuration, written to {@code config.json} before the first update
     * @param runDir the run directory, created if absent
     * @param options progress bar, log, budget and the caller's listeners
     * @return where the run ended
     * @throws IOException if the directory, the dataset or a checkpoint cannot be read or written, or
     *     another process holds the run's lock
     * @throws IllegalArgumentException if {@code runDir} already holds a run
     */
    public static Outcome start(TrainConfig config, Path runDir, Options options) throws IOException {
        RunDirectory run = new RunDirectory(runDir);
        requireNoRun(run);
        String checksum = config.data().dataset().checksum(); // fails on a missing dataset before anything is written
        Files.createDirectories(runDir);
        try (RunLock lock = RunLock.acquire(run); NDManager root = NDManager.newBaseManager()) {
            requireNoRun(run); // another start may have finished between the first look and the lock
            writeConfig(config, run, checksum);
            return train(config, run, null, root, options);
        }
    }

    /**
     * Continues a run from its newest readable checkpoint, holding the directory's {@link RunLock} until
     * it ends. The changed configuration takes effect from the resumed update and is recorded in
     * config.json's "history"; a change outside {@link ResumeChanges#FIELDS} is refused before anything
     * is written.
     *
     * @param runDir a run directory written by {@link #start}
     * @param changes given the run's configuration, the one to continue with; may throw
     *     IllegalArgumentException to refuse
     * @param options progress bar, log, budget and the caller's listeners
     * @return where the run ended
     * @throws IOException if no checkpoint can be read or a file cannot be written
     * @throws IllegalArgumentException if a changed setting cannot change on resume
     */
    public static Outcome resume(Path runDir, UnaryOperator<TrainConfig> changes, Options options)
            throws IOException {
        RunDirectory run = new RunDirectory(runDir);
        try (RunLock lock = RunLock.acquire(run); NDManager root = NDManager.newBaseManager()) {
            List<String> warnings = new ArrayList<>();
            Checkpoint checkpoint = Checkpoint.latest(run, root, warnings);
            warnings.forEach(w -> options.log().println("amdim pretrain: " + w));
            TrainConfig config = changes.apply(checkpoint.config());
            List<ConfigDiff.Change> changed = ConfigDiff.between(checkpoint.config(), config);
            ResumeChanges.requireResumable(changed);
            TrainingCursor at = checkpoint.cursor();
            recordResume(run, config, at.step(), changed);
            options.log().printf("amdim pretrain: resuming %s at update %d (epoch %d, batch %d)%s%n", runDir,
                    at.step(), at.epoch(), at.batch(), changed.isEmpty() ? "" : "; changed: " + changed);
            options.log().flush();
            return train(config, run, checkpoint, root, options);
        }
    }

    private static void requireNoRun(RunDirectory run) throws IOException {
        if (Files.exists(run.config()) || !run.checkpointsNewestFirst().isEmpty()) {
            throw new IllegalArgumentException(run.root() + " already holds a run; use --resume " + run.root()
                    + " to continue it, or choose another --run-dir");
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
            listeners.addAll(options.listeners());
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

    /**
     * config.json follows the run: "config" becomes the configuration in force (the one the following
     * checkpoints embed) and "history" gains one entry per resume, with the update it resumed at, the
     * time and each changed field (from, to).
     */
    private static void recordResume(RunDirectory run, TrainConfig config, long step, List<ConfigDiff.Change> changed)
            throws IOException {
        // a run whose config.json was lost gets a new one, with this process's provenance
        ConfigJson<TrainConfig> before = Files.exists(run.config()) ? ConfigJson.read(run.config(), TrainConfig.class)
                : new ConfigJson<>(config, EngineProvenance.capture(), config.data().dataset().checksum(), List.of());
        Map<String, ConfigJson.Change> fields = new LinkedHashMap<>();
        for (ConfigDiff.Change c : changed) {
            fields.put(c.field(), new ConfigJson.Change(c.from(), c.to()));
        }
        List<ConfigJson.Resume> history = new ArrayList<>(before.history());
        history.add(new ConfigJson.Resume(step, Instant.now().toString(), fields));
        new ConfigJson<>(config, before.provenance(), before.datasetChecksum(), history).write(run.config());
    }
}
