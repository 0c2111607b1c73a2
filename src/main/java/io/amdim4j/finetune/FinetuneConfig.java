package io.amdim4j.finetune;

import io.amdim4j.model.ClassifierHead;

/**
 * Settings of supervised fine-tuning ({@code amdim finetune}): the semi-supervised protocol of the
 * field (a class-balanced, seeded share of the labels; the pre-trained encoder trained together with
 * a classifier head; early stopping on a validation split carved from the labelled images).
 *
 * @param labelFraction share of each class's labelled training images, in (0, 1]
 * @param epochs passes over the labelled images, at most
 * @param batchSize images per update
 * @param encoderLr Adam learning rate of the encoder's parameters
 * @param headLr Adam learning rate of the head's parameters
 * @param head the classifier head on r1 (spec §6.1)
 * @param validationFraction share of the labelled images held out for early stopping
 * @param patience epochs without a better validation accuracy before stopping
 * @param seed master seed of the label subset, the validation split, the head's initialisation,
 *     the shuffles and the augmentation
 * @param loaderThreads threads decoding and augmenting images
 */
public record FinetuneConfig(double labelFraction, int epochs, int batchSize, double encoderLr, double headLr,
        ClassifierHead head, double validationFraction, int patience, long seed, int loaderThreads) {

    /** The encoder moves ten times slower than the fresh head, so a few labels do not erase what it learnt. */
    public static final double ENCODER_LR = 1e-4;
    /** Adam learning rate of the fresh head: the usual 1e-3, as for the probes of spec §6.1. */
    public static final double HEAD_LR = 1e-3;
    /** At most this many passes; early stopping usually ends sooner. */
    public static final int EPOCHS = 30;
    /** Images per update: large enough for batch-norm statistics, small enough for a CPU. */
    public static final int BATCH_SIZE = 64;
    /** One labelled image in ten is held out to choose the best epoch. */
    public static final double VALIDATION_FRACTION = 0.1;
    /** Epochs without a better validation accuracy before training stops. */
    public static final int PATIENCE = 5;

    /**
     * Checks each setting and names the command-line option of the bad one.
     *
     * @param labelFraction in (0, 1]
     * @param epochs at least 1
     * @param batchSize at least 2, for batch norm
     * @param encoderLr at least 0; 0 freezes the encoder
     * @param headLr positive
     * @param head required
     * @param validationFraction in (0, 1)
     * @param patience at least 1
     * @param seed any value
     * @param loaderThreads at least 1
     * @throws IllegalArgumentException if a fraction, count or learning rate is out of range
     * @throws NullPointerException if {@code head} is null
     */
    public FinetuneConfig {
        if (!(labelFraction > 0 && labelFraction <= 1)) {
            throw new IllegalArgumentException("--label-fraction must be in (0, 1], got " + labelFraction);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("--batch-size must be at least 2 (batch norm), got " + batchSize);
        }
        if (!(encoderLr >= 0) || !(headLr > 0)) {
            throw new IllegalArgumentException("--encoder-lr must be >= 0 and --head-lr > 0, got " + encoderLr
                    + " and " + headLr);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("--validation-fraction must be in (0, 1), got " + validationFraction);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("--patience must be at least 1, got " + patience);
        }
        if (loaderThreads < 1) {
            throw new IllegalArgumentException("--loader-threads must be at least 1, got " + loaderThreads);
        }
        java.util.Objects.requireNonNull(head, "head");
    }

    /**
     * The defaults above for a label share: linear head, seed 0, one loader thread.
     *
     * @param labelFraction share of each class's labelled images, in (0, 1]
     * @return the default settings for that share
     * @throws IllegalArgumentException if {@code labelFraction} is out of range
     */
    public static FinetuneConfig defaults(double labelFraction) {
        return new FinetuneConfig(labelFraction, EPOCHS, BATCH_SIZE, ENCODER_LR, HEAD_LR, ClassifierHead.LINEAR,
                VALIDATION_FRACTION, PATIENCE, 0L, 1);
    }
}
