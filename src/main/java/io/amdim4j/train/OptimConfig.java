package io.amdim4j.train;

import io.amdim4j.model.EncoderConfig;
import java.util.List;

/**
 * Optimiser and learning-rate schedule, spec §7.
 *
 * @param lr base learning rate (2e-4)
 * @param beta1 first-moment decay (0.8)
 * @param beta2 second-moment decay (0.999)
 * @param eps added to the bias-corrected √v̂ (1e-8)
 * @param weightDecay coupled L2 weight (1e-5), added to the gradient before the moments
 * @param warmupUpdates linear warm-up length in updates (500)
 * @param milestones 0-based epochs after which lr is multiplied by {@code decay}
 * @param decay the step factor (0.2)
 */
public record OptimConfig(
        double lr, double beta1, double beta2, double eps, double weightDecay, int warmupUpdates,
        List<Integer> milestones, double decay) {

    /** Base learning rate of spec §7. */
    public static final double LR = 2e-4;
    /** Adam's first-moment decay of spec §7, lower than Adam's usual 0.9. */
    public static final double BETA1 = 0.8;
    /** Adam's second-moment decay of spec §7. */
    public static final double BETA2 = 0.999;
    /** Adam's ε of spec §7. */
    public static final double EPS = 1e-8;
    /** Coupled L2 weight of spec §7. */
    public static final double WEIGHT_DECAY = 1e-5;
    /** Updates of linear warm-up from 0 to {@code lr} (spec §7). */
    public static final int WARMUP_UPDATES = 500;
    /** Factor applied to the learning rate at each milestone (spec §7). */
    public static final double DECAY = 0.2;

    /**
     * Checks each setting and copies the milestones.
     *
     * @param lr positive
     * @param beta1 in [0, 1)
     * @param beta2 in [0, 1)
     * @param eps positive
     * @param weightDecay at least 0
     * @param warmupUpdates at least 0; 0 starts at the full rate
     * @param milestones strictly increasing epochs, each at least 0; may be empty
     * @param decay positive
     * @throws IllegalArgumentException naming the setting out of range
     */
    public OptimConfig {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("lr must be > 0, got " + lr);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0) || weightDecay < 0 || warmupUpdates < 0 || !(decay > 0)) {
            throw new IllegalArgumentException("eps > 0, weight decay >= 0, warm-up >= 0 and decay > 0 required");
        }
        milestones = List.copyOf(milestones);
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i) < 0 || (i > 0 && milestones.get(i) <= milestones.get(i - 1))) {
                throw new IllegalArgumentException("milestones must be increasing epochs >= 0, got " + milestones);
            }
        }
    }

    /**
     * The spec's schedule for an E-epoch run: milestones at ⌊5E/6⌋ and ⌊14E/15⌋ (§7: [250, 280] of
     * 300 epochs, scaled); CIFAR, STL-10 and 28×28 grayscale all use it.
     *
     * @param epochs the run's length E
     * @return the §7 defaults with those milestones (one when E is too short for two distinct ones)
     */
    public static OptimConfig forEpochs(int epochs) {
        int first = 5 * epochs / 6;
        int second = 14 * epochs / 15;
        List<Integer> ms = first < second ? List.of(first, second) : List.of(first);
        return new OptimConfig(LR, BETA1, BETA2, EPS, WEIGHT_DECAY, WARMUP_UPDATES, ms, DECAY);
    }

    /**
     * ImageNet / Places205 (§7): 50 epochs with milestones [30, 45], scaled to {@code epochs}.
     *
     * @param epochs the run's length E
     * @return the §7 defaults with milestones at ⌊3E/5⌋ and ⌊9E/10⌋
     */
    public static OptimConfig imagenetForEpochs(int epochs) {
        int first = 3 * epochs / 5;
        int second = 9 * epochs / 10;
        List<Integer> ms = first < second ? List.of(first, second) : List.of(first);
        return new OptimConfig(LR, BETA1, BETA2, EPS, WEIGHT_DECAY, WARMUP_UPDATES, ms, DECAY);
    }

    /**
     * The §7 schedule of an E-epoch run at this input size: the ImageNet milestones at 128 px, the others below.
     *
     * @param epochs the run's length E
     * @param inputSize the encoder's input side in pixels
     * @return {@link #imagenetForEpochs} at 128 px, {@link #forEpochs(int)} otherwise
     */
    public static OptimConfig forEpochs(int epochs, int inputSize) {
        return inputSize == EncoderConfig.IMAGENET_SIZE ? imagenetForEpochs(epochs) : forEpochs(epochs);
    }

    /**
     * Same settings with another warm-up length.
     *
     * @param updates warm-up updates, at least 0
     * @return the copy
     */
    public OptimConfig withWarmup(int updates) {
        return new OptimConfig(lr, beta1, beta2, eps, weightDecay, updates, milestones, decay);
    }

    /**
     * Same settings with another base learning rate.
     *
     * @param newLr positive
     * @return the copy
     */
    public OptimConfig withLr(double newLr) {
        return new OptimConfig(newLr, beta1, beta2, eps, weightDecay, warmupUpdates, milestones, decay);
    }
}
