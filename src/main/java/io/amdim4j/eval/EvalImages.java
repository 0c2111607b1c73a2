package io.amdim4j.eval;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.augment.FloatImage;
import io.amdim4j.augment.TestTransform;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.model.EncoderConfig;
import java.util.Objects;

/**
 * The images of a frozen-feature evaluation: a training split (probes are fitted on it, BN
 * statistics re-estimated on it, hyper-parameters chosen on a split of it) and a test split scored
 * once, both under the run's test transform (spec §5.5, §6.2).
 *
 * @param train training images; unlabelled ones count for BN re-estimation only
 * @param test test images, all labelled
 * @param augment the augmentation family whose test transform prepares every image
 * @param batchSize images per forward pass, also the BN re-estimation batch
 * @param loaderThreads threads decoding and transforming images
 */
public record EvalImages(ImageDataset train, ImageDataset test, AugmentConfig augment, int batchSize,
        int loaderThreads) {

    /** Validates every field and names the bad one. */
    public EvalImages {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(augment, "augment");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        if (loaderThreads < 1) {
            throw new IllegalArgumentException("loader threads must be ≥ 1, got " + loaderThreads);
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException(train.describe() + " has no image");
        }
        if (test.size() == 0) {
            throw new IllegalArgumentException(test.describe() + " has no image");
        }
    }

    /**
     * Checks, on the first image of each split, that the test transform accepts the images and
     * turns them into the encoder's input, so a wrong dataset fails before any work.
     *
     * @param encoder the encoder configuration
     * @throws IllegalArgumentException naming the split, the shape it gives and the one expected
     */
    public void checkFits(EncoderConfig encoder) {
        TestTransform transform = new TestTransform(augment);
        for (ImageDataset split : new ImageDataset[] {train, test}) {
            FloatImage first;
            try {
                first = transform.apply(split.get(0).image());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(split.describe() + ": " + e.getMessage(), e);
            }
            if (first.channels() != encoder.numChannels() || first.height() != encoder.inputSize()
                    || first.width() != encoder.inputSize()) {
                throw new IllegalArgumentException(split.describe() + " gives " + first.channels() + "×"
                        + first.height() + "×" + first.width() + " images under the " + augment.name()
                        + " test transform; the encoder expects " + encoder.numChannels() + "×"
                        + encoder.inputSize() + "×" + encoder.inputSize());
            }
        }
    }
}
