package io.amdim4j.train;

/**
 * The learning rate of spec §7: linear warm-up over the first updates, then a step decay at
 * epoch milestones. The update counter is checkpointed, so a resumed run does not warm up again.
 */
final class WarmupStepSchedule {

    private final OptimConfig config;

    public WarmupStepSchedule(OptimConfig config) {
        this.config = config;
    }

    /**
     * @param updatesDone updates already done, t in the spec
     * @param epoch 0-based epoch of this update
     * @return the learning rate of update t
     */
    public double lr(long updatesDone, int epoch) {
        if (updatesDone < config.warmupUpdates()) {
            return config.lr() * (updatesDone + 1) / config.warmupUpdates();
        }
        int passed = 0;
        for (int m : config.milestones()) {
            if (m < epoch) {
                passed++;
            }
        }
        return config.lr() * Math.pow(config.decay(), passed);
    }
}
