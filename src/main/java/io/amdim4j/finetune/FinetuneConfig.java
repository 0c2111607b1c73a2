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
    public static final double HEAD_LR = 1e-3;
    public static final int EPOCHS = 30;
    public static final int BATCH_SIZE = 64;
    public static final double VALIDATION_FRACTION = 0.1;
    public static final int PATIENCE = 5;

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

    /** The defaults above for a label share. */
    public static FinetuneConfig defaults(double labelFraction) {
        return new FinetuneConfig(labelFraction, EPOCHS, BATCH_SIZE, ENCODER_LR, HEAD_LR, ClassifierHead.LINEAR,
                VALIDATION_FRACTION, PATIENCE, 0L, 1);
    }
}
