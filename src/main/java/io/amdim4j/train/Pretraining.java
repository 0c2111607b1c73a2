package io.amdim4j.train;

import ai.djl.ndarray.NDManager;
import io.amdim4j.data.EpochShard;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.dist.JobWideException;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.dist.SingleProcess;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.runtime.EngineThreadPolicy;
import io.amdim4j.runtime.EngineThreads;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.runtime.ThreadGovernor;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.PretrainBatches;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.PreflightVerdict;
import io.amdim4j.run.ValueChange;
import io.amdim4j.run.MetricsLog;
import io.amdim4j.run.PresetChoice;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunLock;
import io.amdim4j.runtime.EngineProvenance;
import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Entry points of pre-training: a new run, or the continuation of one from its newest readable
 * checkpoint. Builds the pieces (data, model, optimiser, listeners) and hands them to
 * {@link PretrainLoop}.
 */
public final class Pretraining {

    /**
     * How a run reports to the person watching it, an optional wall-clock budget, and the processes it
     * trains with.
     *
     * @param progressBar live bar on stderr
     * @param log messages (resume position, skipped checkpoints)
     * @param budgetSeconds stop (with a checkpoint) after the first update past this many seconds; 0 for none.
     *     A budget makes the stopping step depend on the machine, so it is a run-control option, not part of
     *     the configuration.
     * @param listeners the caller's own listeners, told of every update after the run's metrics and
     *     checkpoint listeners
     * @param group the processes of a data-parallel run ({@link SingleProcess#INSTANCE} to train alone). Every
     *     process calls {@link #start} or {@link #resume} with the same arguments; rank 0 alone writes the run
     *     directory. A process that fails must {@link ProcessGroup#abort} the group, or the others wait for it.
     * @param engineThreads whether the engine keeps its threads or a governor chooses them by timing the
     *     updates ({@link EngineThreadPolicy#AUTO}: no longer reproducible to the bit)
     */
    public record Options(boolean progressBar, PrintWriter log, double budgetSeconds, List<PretrainListener> listeners,
            ProcessGroup group, EngineThreadPolicy engineThreads) {

        /**
         * Keeps its own copy of {@code listeners}.
         *
         * @param progressBar live bar on stderr
         * @param log messages
         * @param budgetSeconds wall-clock budget; 0 for none
         * @param listeners the caller's own listeners
         * @param group the processes training together
         * @param engineThreads fixed threads, or a governor
         */
        public Options {
            listeners = List.copyOf(listeners);
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(engineThreads, "engineThreads");
        }

        /**
         * Options with the engine's threads fixed.
         *
         * @param progressBar live bar on stderr
         * @param log messages
         * @param budgetSeconds wall-clock budget; 0 for none
         * @param listeners the caller's own listeners
         * @param group the processes training together
         */
        public Options(boolean progressBar, PrintWriter log, double budgetSeconds, List<PretrainListener> listeners,
                ProcessGroup group) {
            this(progressBar, log, budgetSeconds, listeners, group, EngineThreadPolicy.FIXED);
        }

        /**
         * Options of a process that trains alone.
         *
         * @param progressBar live bar on stderr
         * @param log messages
         * @param budgetSeconds wall-clock budget; 0 for none
         * @param listeners the caller's own listeners
         */
        public Options(boolean progressBar, PrintWriter log, double budgetSeconds, List<PretrainListener> listeners) {
            this(progressBar, log, budgetSeconds, listeners, SingleProcess.INSTANCE);
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
            return new Options(progressBar, log, budgetSeconds, all, group, engineThreads);
        }

        /**
         * The same options for one process of a data-parallel run.
         *
         * @param processes the group this process belongs to
         * @return new options; these stay as they are
         */
        public Options withProcessGroup(ProcessGroup processes) {
            return new Options(progressBar, log, budgetSeconds, listeners, processes, engineThreads);
        }

        /**
         * The same options with the engine's threads fixed or governed.
         *
         * @param policy fixed, or chosen by timing the updates
         * @return new options; these stay as they are
         */
        public Options withEngineThreads(EngineThreadPolicy policy) {
            return new Options(progressBar, log, budgetSeconds, listeners, group, policy);
        }

        /**
         * The runtime a run of {@code config} trains in: its device and precision, these options' threads
         * and processes, checked by the same rule as every command's.
         *
         * @param config the run's configuration, new or resumed
         * @return the runtime
         * @throws IllegalArgumentException for a combination no command accepts (bf16 on a GPU)
         */
        Runtime runtime(TrainConfig config) {
            return new Runtime(config.device(), config.precision(), engineThreads, group);
        }
    }

    /**
     * How a new run begins besides its configuration.
     *
     * @param initFrom a run directory, checkpoint or {@code .npz} whose encoder weights replace the
     *     random initialisation ({@link WarmStart}); {@code null} for none
     * @param preset the preset the configuration was built from, with its overrides; {@code null} for none
     * @param preflight how the configuration's precision was proven on this machine
     *     ({@code preflight.Preflight}); {@code null} when no preflight ran
     */
    public record Origin(Path initFrom, PresetChoice preset, PreflightVerdict preflight) {

        /** Random initialisation, configured by options alone. */
        public static final Origin NONE = new Origin(null, null, null);

        /**
         * A start without a preflight's verdict.
         *
         * @param initFrom the warm start's source; {@code null} for none
         * @param preset the preset and its overrides; {@code null} for none
         */
        public Origin(Path initFrom, PresetChoice preset) {
            this(initFrom, preset, null);
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
     * @throws IllegalArgumentException if {@code runDir} already holds a run: a checkpoint or a recorded
     *     update (the files of a start that failed before its first update are replaced)
     */
    public static Outcome start(TrainConfig config, Path runDir, Options options) throws IOException {
        return start(config, runDir, options, Origin.NONE);
    }

    /**
     * Starts a new run as {@link #start(TrainConfig, Path, Options)} does, from a preset and/or with
     * another run's (or a state dict's) encoder weights, both recorded in config.json. The weights are
     * read and checked against the configuration before anything is written. Under MPI only rank 0 reads
     * them: the other ranks receive rank 0's parameters in the first broadcast.
     *
     * @param requested the run's configuration; its world size is set to the processes of {@code options}
     * @param runDir the run directory, created if absent
     * @param options progress bar, log, budget, the caller's listeners and the process group
     * @param origin the preset and the warm start, recorded in config.json
     * @return where the run ended
     * @throws IOException if the directory, the dataset, the warm start's file or a checkpoint cannot be
     *     read or written, or another process holds the run's lock
     * @throws IllegalArgumentException if {@code runDir} already holds a run or the warm start does not fit
     */
    public static Outcome start(TrainConfig requested, Path runDir, Options options, Origin origin)
            throws IOException {
        ProcessGroup group = options.group();
        TrainConfig config = requested.withWorldSize(group.size());
        DataParallel.requireSameConfiguration(group, config);
        RunDirectory run = new RunDirectory(runDir);
        if (!group.isLeader()) {
            return train(config, run, null, null, options);
        }
        requireNoRun(run);
        options.runtime(config).requireVisible(); // before anything is written
        String checksum = config.data().dataset().checksum(); // fails on a missing dataset before anything is written
        // a warm start is read into host memory; train() copies it onto the run's device
        try (NDManager host = ComputeDevice.CPU.newBaseManager();
                WarmStart init = origin.initFrom() == null ? null : warmStart(origin.initFrom(), config, host, options)) {
            Files.createDirectories(runDir);
            try (RunLock lock = RunLock.acquire(run)) {
                requireNoRun(run); // another start may have finished between the first look and the lock
                new ConfigJson<>(config, EngineProvenance.capture(), checksum, origin.preset(),
                        init == null ? null : init.source(), List.of(), origin.preflight()).write(run.config());
                return train(config, run, null, init, options);
            }
        }
    }

    private static WarmStart warmStart(Path from, TrainConfig config, NDManager host, Options options)
            throws IOException {
        List<String> warnings = new ArrayList<>();
        WarmStart init = WarmStart.load(from, config.encoder(), host, warnings);
        warnings.forEach(w -> options.log().println("amdim pretrain: --init-from: " + w));
        options.log().printf("amdim pretrain: encoder initialised from %s (%s)%n", init.source().path(),
                init.source().sha256());
        options.log().flush();
        return init;
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
        ProcessGroup group = options.group();
        // the checkpoint is read into host memory; train() copies it onto the run's device
        try (RunLock lock = group.isLeader() ? RunLock.acquire(run) : null;
                NDManager host = ComputeDevice.CPU.newBaseManager()) {
            List<String> warnings = new ArrayList<>();
            Checkpoint checkpoint = group.size() == 1 ? Checkpoint.latest(run, host, warnings)
                    : leadersCheckpoint(group, run, host, warnings);
            warnings.forEach(w -> options.log().println("amdim pretrain: " + w));
            requireSameWorldSize(runDir, checkpoint.config(), group);
            TrainConfig config = changes.apply(checkpoint.config());
            DataParallel.requireSameConfiguration(group, config);
            List<ConfigDiff.Change> changed = ConfigDiff.between(checkpoint.config(), config);
            ResumeChanges.requireResumable(changed);
            options.runtime(config).requireVisible(); // the same rule as a new run's, before the history is written
            TrainingCursor at = checkpoint.cursor();
            if (config.maxSteps() > 0 && config.maxSteps() < at.step()) {
                // the loop would stop at once: say so rather than exit as if it had trained
                throw new IllegalArgumentException("--steps " + config.maxSteps() + " is below the update " + runDir
                        + " is at (update " + at.step() + "), so nothing would be trained; give --steps above "
                        + at.step() + " to continue it");
            }
            if (!group.isLeader()) {
                return train(config, run, checkpoint, null, options);
            }
            recordResume(run, config, at.step(), changed);
            options.log().printf("amdim pretrain: resuming %s at update %d (epoch %d, batch %d)%s%n", runDir,
                    at.step(), at.epoch(), at.batch(), changed.isEmpty() ? "" : "; changed: " + changed);
            options.log().flush();
            return train(config, run, checkpoint, null, options);
        }
    }

    /**
     * Rank 0's newest readable checkpoint on every process: rank 0 reads it and broadcasts its bytes, so the
     * other processes need no access to the run directory (another machine without a shared file system).
     */
    private static Checkpoint leadersCheckpoint(ProcessGroup group, RunDirectory run, NDManager host,
            List<String> warnings) throws IOException {
        Checkpoint own = group.isLeader() ? Checkpoint.latest(run, host, warnings) : null;
        Path file = own == null ? null : run.checkpoint(own.cursor().step());
        byte[] bytes = group.broadcast(own == null ? null : Files.readAllBytes(file));
        String name = new String(group.broadcast(own == null ? null : file.toString().getBytes(UTF_8)), UTF_8);
        return own != null ? own : Checkpoint.decode(bytes, host, name);
    }

    /** Refuses a resume on another number of processes: the data cursor counts batches of the run's global size. */
    private static void requireSameWorldSize(Path runDir, TrainConfig run, ProcessGroup group) {
        if (run.worldSize() != group.size()) {
            throw new JobWideException(runDir + " was trained by " + run.worldSize() + " process(es) of batch "
                    + run.batchSize() + " each; resume it with the same number (mpiexec -n " + run.worldSize()
                    + (run.worldSize() == 1 ? ", or without mpiexec" : "") + "), not " + group.size());
        }
    }

    /**
     * A run is a checkpoint or a recorded update. A start that failed before its first update (bad data,
     * a full disk, a kill) leaves only config.json, .lock and an empty metrics.jsonl, which hold nothing
     * to lose: the retry overwrites them rather than asking the user to delete them by hand. The lock,
     * taken before the second look, still keeps a starting run from being taken over.
     */
    private static void requireNoRun(RunDirectory run) throws IOException {
        boolean updates = Files.exists(run.metrics()) && !MetricsLog.read(run.metrics(), true).isEmpty();
        if (updates || !run.checkpointsNewestFirst().isEmpty()) {
            throw new IllegalArgumentException(run.root() + " already holds a run; use --resume " + run.root()
                    + " to continue it, or choose another --run-dir");
        }
    }

    /** Trains from {@code from}'s state if given, else from a fresh model with {@code init}'s encoder weights if given. */
    private static Outcome train(TrainConfig config, RunDirectory run, Checkpoint from, WarmStart init,
            Options options) throws IOException {
        ProcessGroup group = options.group();
        boolean leader = group.isLeader();
        ImageDataset trainSet = config.data().openTrain();
        int numClasses = Math.max(trainSet.classNames().size(), 1);
        TrainingCursor start = from == null ? TrainingCursor.START : from.cursor();
        long initSeed = config.data().seeds().derive("init").epochSeed(0);
        Runtime runtime = options.runtime(config);
        try (NDManager root = runtime.newBaseManager();
                PretrainModel model = new PretrainModel(config, numClasses, initSeed, root);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager());
                BatchLoader loader = PretrainBatches.training(trainSet, config.augment(), config.data().seeds(),
                        config.batchSize(), config.loaderThreads(), new EpochShard(group.rank(), group.size()));
                MetricsLog metrics = leader ? MetricsLog.openAt(run.metrics(), start.step()) : null) {
            if (init != null) {
                init.copyInto(model.encoder());
                init.close(); // the weights are in the model now; free the source's copy for the whole run
            }
            Path resumedFrom = null;
            if (from != null) {
                resumedFrom = run.checkpoint(from.cursor().step());
                from.restore(model, adam, resumedFrom.toString());
            }
            ReplicaSync replicas = ReplicaSync.NONE;
            List<PretrainListener> listeners = new ArrayList<>();
            IntFunction<String> lastGood = step -> "rank 0's newest";
            if (leader) {
                CheckpointListener checkpoints = new CheckpointListener(config, model, adam, run, resumedFrom,
                        from == null ? null : from.cursor());
                lastGood = step -> checkpoints.lastGood();
                listeners.add(new MetricsJsonlListener(metrics));
                listeners.add(checkpoints);
                if (options.progressBar()) {
                    listeners.add(new ProgressListener(config, loader.batchesPerEpoch()));
                }
            }
            if (group.size() > 1) {
                DataParallel parallel = new DataParallel(group, model);
                parallel.broadcastParameters();
                replicas = parallel;
                listeners.add(parallel.checkEvery(DataParallel.CHECK_EVERY));
            }
            if (runtime.adaptiveThreads()) {
                listeners.add(new ThreadGovernorListener(ThreadGovernor.forEngine(EngineThreads.current(),
                        options.log(), "amdim pretrain")));
            }
            listeners.addAll(options.listeners());
            // the test reads rank 0's replica; the others wait for it in their next update
            PretrainLoop.EpochTester tester = config.testEachEpoch() && leader
                    ? new OnlineProbeTester(config, model, trainSet)
                    : epoch -> ProbeAccuracy.NOT_MEASURED;
            PretrainLoop loop = new PretrainLoop(config, new PretrainStep(config, model, adam, replicas), loader,
                    tester, listeners, lastGood, group);
            if (options.budgetSeconds() > 0) {
                loop.stopAfterSeconds(options.budgetSeconds());
            }
            TrainingCursor end = loop.run(start);
            return new Outcome(run, end, run.checkpoint(end.step()));
        }
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
        Map<String, ValueChange> fields = new LinkedHashMap<>();
        for (ConfigDiff.Change c : changed) {
            fields.put(c.field(), new ValueChange(c.from(), c.to()));
        }
        List<ConfigJson.Resume> history = new ArrayList<>(before.history());
        history.add(new ConfigJson.Resume(step, Instant.now().toString(), fields));
        before.resumed(config, history).write(run.config());
    }
}
