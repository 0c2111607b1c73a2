package io.amdim4j.bench;

import ai.djl.ndarray.NDManager;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.dist.SingleProcess;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.train.CoupledL2Adam;
import io.amdim4j.train.DataParallel;
import io.amdim4j.train.PretrainModel;
import io.amdim4j.train.PretrainStep;
import io.amdim4j.train.ReplicaSync;
import io.amdim4j.train.StepResult;
import io.amdim4j.runtime.EngineThreads;
import io.amdim4j.runtime.ThreadGovernor;
import io.amdim4j.train.TrainConfig;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Times full pre-training updates with the very objects {@code amdim pretrain} uses
 * ({@link PretrainModel}, {@link CoupledL2Adam}, {@link PretrainStep}) on synthetic views, so the
 * figure is the step's cost without the data loader (which {@code bench data} measures).
 */
public final class TrainStepBenchmark {

    /** Longest a busy neighbour may spin if the benchmark never stops it. */
    static final Duration NEIGHBOUR_LIMIT = Duration.ofHours(1);

    private final TrainStepBenchConfig config;
    private final PrintWriter log;

    /**
     * A benchmark that reports nothing while it runs.
     *
     * @param config what to time
     */
    public TrainStepBenchmark(TrainStepBenchConfig config) {
        this(config, new PrintWriter(Writer.nullWriter()));
    }

    /**
     * A benchmark that reports the thread governor's choices.
     *
     * @param config what to time
     * @param log where the governor's choices go (with adaptive threads)
     */
    public TrainStepBenchmark(TrainStepBenchConfig config, PrintWriter log) {
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Runs the warm-up and timed updates.
     *
     * @param root the engine manager that owns the model for the duration
     * @return the timings
     */
    TrainStepBenchResult run(NDManager root) {
        return run(root, null);
    }

    /**
     * Runs the warm-up and timed updates, recording PyTorch's operator profile of the timed ones.
     *
     * @param root the engine manager that owns the model for the duration
     * @param profileTrace where to write the Chrome trace of the timed updates; {@code null} for none
     *     (the profiler slows operations a little, so timings taken with it are for attribution)
     * @return the timings
     */
    public TrainStepBenchResult run(NDManager root, Path profileTrace) {
        return run(root, profileTrace, SingleProcess.INSTANCE);
    }

    /**
     * Runs the warm-up and timed updates as one rank of a data-parallel job: each rank its own synthetic
     * views, rank 0's weights broadcast, the gradients averaged in every update (as {@code pretrain} does).
     *
     * @param root the engine manager that owns the model for the duration
     * @param profileTrace where to write the Chrome trace of the timed updates; {@code null} for none
     * @param group the ranks taking the updates together
     * @return this rank's timings
     */
    public TrainStepBenchResult run(NDManager root, Path profileTrace, ProcessGroup group) {
        return run(root, profileTrace, group, false);
    }

    /**
     * Runs the warm-up and timed updates, with oneDNN's verbose log of the timed ones on this process's
     * standard output when asked ({@link PrimitiveProfile} reads it; the log slows every primitive a little).
     *
     * @param root the engine manager that owns the model for the duration
     * @param profileTrace where to write the Chrome trace of the timed updates; {@code null} for none
     * @param group the ranks taking the updates together
     * @param primitives whether to log oneDNN's primitive executions during the timed updates
     * @return this rank's timings
     */
    public TrainStepBenchResult run(NDManager root, Path profileTrace, ProcessGroup group, boolean primitives) {
        TrainConfig train = config.trainConfig();
        SplittableRandom random = new SplittableRandom(config.seed() + group.rank());
        HostBatch batch = syntheticBatch(random);
        double[] seconds = new double[config.steps()];
        double lastLoss;
        int threads;
        try (PretrainModel model = new PretrainModel(train, config.numClasses(), config.seed(), root);
                CoupledL2Adam adam = new CoupledL2Adam(train.optim(), model.trainableParameters(), model.manager())) {
            ReplicaSync replicas = ReplicaSync.NONE;
            if (group.size() > 1) {
                DataParallel parallel = new DataParallel(group, model);
                parallel.broadcastParameters();
                replicas = parallel;
            }
            PretrainStep step = new PretrainStep(train, model, adam, replicas);
            double lr = train.optim().lr();
            // the neighbour is there from the first update, so the governor (if any) probes what it times;
            // closing the governor gives the engine back its threads
            try (BusyNeighbour neighbour = config.busyNeighbour() ? BusyNeighbour.start(NEIGHBOUR_LIMIT) : null;
                    ThreadGovernor governor = config.adaptiveThreads()
                            ? ThreadGovernor.forEngine(EngineThreads.current(), log, "amdim bench train-step") : null) {
                for (int i = 0; i < config.warmup(); i++) {
                    observe(governor, timedUpdate(step, batch, lr, random, i));
                }
                if (profileTrace != null) {
                    TorchProfiler.start();
                }
                if (primitives) {
                    OneDnnVerbose.set(true);
                }
                lastLoss = Double.NaN;
                for (int i = 0; i < config.steps(); i++) {
                    Timed result = timedUpdate(step, batch, lr, random, config.warmup() + i);
                    observe(governor, result);
                    seconds[i] = result.seconds();
                    lastLoss = result.loss();
                }
                if (primitives) {
                    OneDnnVerbose.set(false);
                }
                if (profileTrace != null) {
                    TorchProfiler.stop(profileTrace);
                }
                threads = EngineThreads.current();
            }
        }
        return new TrainStepBenchResult(config, seconds, lastLoss, HostStats.peakResidentMb(), group.size(), threads);
    }

    private record Timed(double seconds, double loss) {}

    private static void observe(ThreadGovernor governor, Timed update) {
        if (governor != null) {
            governor.observe(update.seconds());
        }
    }

    private static Timed timedUpdate(PretrainStep step, HostBatch batch, double lr, SplittableRandom random, int i) {
        long start = System.nanoTime();
        StepResult result = step.run(batch, lr, random, i);
        long elapsed = System.nanoTime() - start;
        if (!result.isFinite()) {
            throw new IllegalStateException("update " + (i + 1) + " of the benchmark gave a non-finite loss "
                    + result.loss() + "; the timing would not be of a real update");
        }
        return new Timed(elapsed / 1e9, result.loss());
    }

    /** Two views of uniform noise in [−1, 1] with labels cycling over the classes. */
    private HostBatch syntheticBatch(SplittableRandom random) {
        int n = config.batch();
        int c = config.encoder().numChannels();
        int side = config.encoder().inputSize();
        float[][] views = new float[2][n * c * side * side];
        for (float[] view : views) {
            for (int i = 0; i < view.length; i++) {
                view[i] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % config.numClasses());
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return new HostBatch(0, 0, views, c, side, side, labels, indices);
    }
}
