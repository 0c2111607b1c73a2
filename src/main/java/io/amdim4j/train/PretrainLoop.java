package io.amdim4j.train;

import io.amdim4j.data.SeedStreams;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.dist.SingleProcess;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.HostBatch;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * The epoch/batch loop of pre-training: learning rate, one {@link PretrainStep} per batch, the
 * NaN guard, the periodic test, and listener notification. Nothing else lives here.
 */
public final class PretrainLoop {

    /** One update on one batch; {@link PretrainStep} in production. */
    @FunctionalInterface
    public interface StepRunner {
        StepResult run(HostBatch batch, double lr, RandomGenerator locations, long dropoutSeed);
    }

    /** Tests the online probes at the end of an epoch. */
    @FunctionalInterface
    interface EpochTester {
        ProbeAccuracy test(int epoch);
    }

    private final TrainConfig config;
    private final StepRunner step;
    private final BatchLoader loader;
    private final WarmupStepSchedule schedule;
    private final SeedStreams locationSeeds;
    private final SeedStreams dropoutSeeds;
    private final EpochTester tester;
    private final List<PretrainListener> listeners;
    private final IntFunction<String> lastGoodCheckpoint;
    private final ProcessGroup replicas;
    private long deadlineNanos = Long.MAX_VALUE;

    /**
     * @param lastGoodCheckpoint describes the newest checkpoint for the NaN message, given the current step
     */
    PretrainLoop(TrainConfig config, StepRunner step, BatchLoader loader, EpochTester tester,
            List<PretrainListener> listeners, IntFunction<String> lastGoodCheckpoint) {
        this(config, step, loader, tester, listeners, lastGoodCheckpoint, SingleProcess.INSTANCE);
    }

    /**
     * The loop of one replica of a data-parallel run. The 5×5 locations and the dropout of update t on
     * rank r are drawn from (seed, r, t), so each replica draws its own and rank 0 draws what a single
     * process draws; the time budget stops every replica at the same update; pairs/s counts the pairs
     * of all replicas.
     *
     * @param replicas the processes training together; this one's rank
     */
    public PretrainLoop(TrainConfig config, StepRunner step, BatchLoader loader, EpochTester tester,
            List<PretrainListener> listeners, IntFunction<String> lastGoodCheckpoint, ProcessGroup replicas) {
        this.replicas = replicas;
        this.config = config;
        this.step = step;
        this.loader = loader;
        this.schedule = new WarmupStepSchedule(config.optim());
        SeedStreams seeds = config.data().seeds();
        this.locationSeeds = seeds.derive("locations");
        this.dropoutSeeds = seeds.derive("dropout");
        this.tester = tester;
        this.listeners = List.copyOf(listeners);
        this.lastGoodCheckpoint = lastGoodCheckpoint;
    }

    /** Also stop after the first update that ends more than {@code seconds} from now. */
    void stopAfterSeconds(double seconds) {
        deadlineNanos = System.nanoTime() + (long) (seconds * 1e9);
    }

    /** Trains from {@code start} until the step limit, the time budget or the last epoch; returns where it stopped. */
    TrainingCursor run(TrainingCursor start) {
        TrainingCursor cursor = start;
        while (cursor.epoch() < config.epochs() && !limitReached(cursor)) {
            long epochStart = System.nanoTime();
            Iterator<HostBatch> batches = loader.epoch(cursor.epoch(), cursor.batch());
            while (batches.hasNext() && !limitReached(cursor)) {
                HostBatch batch = batches.next();
                long t0 = System.nanoTime();
                double lr = schedule.lr(cursor.step(), cursor.epoch());
                StepResult result = step.run(batch, lr, locationSeeds.forSample(replicas.rank(), cursor.step()),
                        dropoutSeeds.sampleSeed(replicas.rank(), cursor.step()));
                if (!result.isFinite()) {
                    throw NonFiniteLossException.at(cursor, result.losses(), lastGoodCheckpoint.apply((int) cursor.step()));
                }
                cursor = cursor.afterStep();
                double pairsPerSecond = (double) batch.size() * replicas.size() / ((System.nanoTime() - t0) / 1e9);
                for (PretrainListener l : listeners) {
                    l.onStep(cursor, result, lr, pairsPerSecond);
                }
            }
            if (!batches.hasNext()) {
                ProbeAccuracy test = config.testEachEpoch() ? tester.test(cursor.epoch()) : ProbeAccuracy.NOT_MEASURED;
                cursor = cursor.nextEpoch();
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                for (PretrainListener l : listeners) {
                    l.onEpochEnd(cursor, test, seconds);
                }
            }
        }
        for (PretrainListener l : listeners) {
            l.onStop(cursor);
        }
        return cursor;
    }

    private boolean limitReached(TrainingCursor cursor) {
        return (config.maxSteps() > 0 && cursor.step() >= config.maxSteps())
                || replicas.any(System.nanoTime() > deadlineNanos);
    }
}
