package io.amdim4j.pipeline;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DatasetSpec;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one place that picks a dataset's augmentation family (spec §5.2, §5.4), shared by
 * pre-training and {@code amdim bench data}:
 *
 * <ul>
 *   <li>{@code fashion-mnist}: gray28, 1 channel (3 replicates, spec §5.4 option); {@code mnist} the
 *       same without the shared flip (digits, spec §5.4);</li>
 *   <li>{@code cifar10}, {@code cifar100}, {@code cifar100-coarse}: cifar32;</li>
 *   <li>{@code stl10}: stl64;</li>
 *   <li>{@code folder}, {@code tar}: cifar32 with the input pre-resize on (a no-op for 32×32 images),
 *       because folders may hold any size.</li>
 * </ul>
 * An explicit input size picks the family of that size instead (64 → stl64, 128 → imagenet128;
 * 32 on a non-CIFAR RGB dataset resizes its images first).
 */
public final class AugmentFamily {

    private AugmentFamily() {
    }

    /** The encoder input side a dataset trains at unless told otherwise: 64 for STL-10, else 32. */
    public static int defaultInputSize(DatasetSpec.Scheme scheme) {
        return scheme == DatasetSpec.Scheme.STL10 ? AugmentConfig.SIZE_64 : AugmentConfig.SIZE_32;
    }

    /** Whether the dataset's images are grayscale (IDX) rather than RGB. */
    public static boolean isGrayscale(DatasetSpec.Scheme scheme) {
        return scheme == DatasetSpec.Scheme.FASHION_MNIST || scheme == DatasetSpec.Scheme.MNIST;
    }

    /**
     * The augmentation of {@code dataset}, optionally at another encoder input side and channel count
     * (the {@code --input-size} and {@code --channels} options, named in the errors).
     */
    public static AugmentConfig forDataset(DatasetSpec dataset, OptionalInt inputSize, OptionalInt channels) {
        Objects.requireNonNull(dataset, "dataset");
        DatasetSpec.Scheme scheme = dataset.scheme();
        int size = inputSize.orElse(defaultInputSize(scheme));
        if (isGrayscale(scheme)) {
            if (size != AugmentConfig.SIZE_32) {
                throw new IllegalArgumentException("--input-size: " + scheme.cliName() + " images are 28x28 and"
                        + " train the 32-px encoder after zero padding (spec §5.4), got " + size);
            }
            AugmentConfig gray = AugmentConfig.gray28().withChannels(channels.orElse(1));
            return scheme == DatasetSpec.Scheme.MNIST ? gray.withFlip(false) : gray;
        }
        int c = channels.orElse(3);
        if (c != 3) {
            throw new IllegalArgumentException("--channels: " + scheme.cliName() + " images are RGB and train"
                    + " with 3 channels; 1 channel is for grayscale datasets (fashion-mnist, mnist), got " + c);
        }
        AugmentConfig family;
        try {
            family = AugmentConfig.forFamily(size, c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--input-size: " + e.getMessage(), e);
        }
        boolean nativeSize = scheme == DatasetSpec.Scheme.CIFAR10 || scheme == DatasetSpec.Scheme.CIFAR100
                || scheme == DatasetSpec.Scheme.CIFAR100_COARSE;
        return family.translate() != null && !nativeSize ? family.withResizeInput(true) : family;
    }
}
