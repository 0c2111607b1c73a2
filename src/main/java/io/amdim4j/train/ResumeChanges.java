package io.amdim4j.train;

import io.amdim4j.runtime.ComputeDevice;
import java.util.List;
import java.util.Set;

/**
 * What a resumed run may change; {@code null} keeps the run's value. Everything else (model, data,
 * splits, batch size, loss, augmentation, precision, the master seed and so every random stream) comes
 * from the checkpoint, because changing it would make the checkpoint's weights, optimiser state or
 * data cursor mean something else.
 *
 * <p>The learning rate of §7 is a function of the update count t and the epoch, not of when a process
 * started, so a new setting applies from the resumed update on as if the run had always had it:
 * <ul>
 *   <li>{@code lr}: the new base rate, times the warm-up fraction and the decays of the milestones
 *       already passed (resuming past the first milestone with lr' trains at 0.2·lr'); Adam's moments
 *       are kept.</li>
 *   <li>{@code warmup}: updates t &lt; W warm up; a run already past W is not affected, one still inside
 *       it continues at lr·(t+1)/W.</li>
 *   <li>{@code epochs}: the run becomes an E-epoch run, milestones included ({@link OptimConfig#forEpochs(int, int)}),
 *       so if a milestone moves past the current epoch the rate rises again.</li>
 * </ul>
 * {@code device} moves the run to another CPU or GPU: the checkpoint's weights and Adam's moments are
 * loaded onto it, and the updates compute the same functions (up to the devices' floating-point rounding).
 * The moved run must still be one a new run could be ({@code runtime.Runtime}'s rule, checked by
 * {@link Pretraining#resume}): a bf16 run, whose autocast is the CPU's, cannot move to a GPU.
 * The other fields do not change any update: the step limit only says where to stop, loader threads
 * assemble the same batches, checkpointing only writes, and the per-epoch test re-estimates batch-norm
 * running statistics, which training-mode passes do not read.
 *
 * @param maxSteps total updates to stop after; 0 for no limit
 * @param epochs epochs of the run, with the schedule's milestones scaled to them
 * @param lr base learning rate
 * @param warmup warm-up updates
 * @param loaderThreads threads assembling batches
 * @param checkpointEvery also checkpoint every this many updates; 0 for epoch ends only
 * @param keepCheckpoints checkpoints kept on disk
 * @param testEachEpoch test the online probes at every epoch end
 * @param bnBatches batches for the batch-norm re-estimation before a test
 * @param device where the run's arrays live from the resumed update on
 */
public record ResumeChanges(Long maxSteps, Integer epochs, Double lr, Integer warmup, Integer loaderThreads,
        Integer checkpointEvery, Integer keepCheckpoints, Boolean testEachEpoch, Integer bnBatches,
        ComputeDevice device) {

    /** The config.json fields (as {@link ConfigDiff} names them) that the fields above can change. */
    static final Set<String> FIELDS = Set.of("max_steps", "epochs", "optim.lr", "optim.warmup_updates",
            "optim.milestones", "loader_threads", "checkpoint_every", "keep_checkpoints", "test_each_epoch",
            "bn_batches", "device");

    /** The run's configuration with these changes; the record constructors validate the new values. */
    public TrainConfig applyTo(TrainConfig run) {
        OptimConfig o = run.optim();
        int e = or(epochs, run.epochs());
        List<Integer> milestones = epochs == null ? o.milestones()
                : OptimConfig.forEpochs(e, run.encoder().inputSize()).milestones();
        OptimConfig optim = new OptimConfig(or(lr, o.lr()), o.beta1(), o.beta2(), o.eps(), o.weightDecay(),
                or(warmup, o.warmupUpdates()), milestones, o.decay());
        return new TrainConfig(run.data(), run.encoder(), run.augment(), run.nce(), run.mixture(), optim, e,
                or(maxSteps, run.maxSteps()), run.batchSize(), or(loaderThreads, run.loaderThreads()),
                or(checkpointEvery, run.checkpointEvery()), or(keepCheckpoints, run.keepCheckpoints()),
                or(testEachEpoch, run.testEachEpoch()), or(bnBatches, run.bnBatches()), run.precision(),
                run.worldSize(), or(device, run.device()));
    }

    /**
     * Refuses a resumed configuration that differs from the run's outside {@link #FIELDS}.
     *
     * @throws IllegalArgumentException naming the fields and their values in the run
     */
    static void requireResumable(List<ConfigDiff.Change> changes) {
        List<String> fixed = changes.stream().filter(c -> !FIELDS.contains(c.field()))
                .map(c -> c.field() + " (the run has " + c.from() + ")").toList();
        if (!fixed.isEmpty()) {
            throw new IllegalArgumentException("a resumed run cannot change " + String.join(", ", fixed));
        }
    }

    private static <T> T or(T given, T run) {
        return given != null ? given : run;
    }
}
