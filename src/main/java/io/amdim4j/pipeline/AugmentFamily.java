package io.amdim4j.pipeline;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DatasetFormat;
import io.amdim4j.data.DatasetSpec;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one place that maps a dataset's image family ({@link DatasetFormat.ImageFamily}) to its
 * augmentation (spec §5.2, §5.4), shared by pre-training and {@code amdim bench data}:
 *
 * <ul>
 *   <li>28×28 grayscale ({@code fashion-mnist}, {@code mnist}): gray28, 1 channel (3 replicates,
 *       spec §5.4 option), without the shared flip where a mirror image changes the class (digits);</li>
 *   <li>CIFAR ({@code cifar10}, {@code cifar100}, {@code cifar100-coarse}): cifar32;</li>
 *   <li>STL-10: stl64;</li>
 *   <li>any size ({@code folder}, {@code tar}): cifar32 with the input pre-resize on (a no-op for
 *       32×32 images).</li>
 * </ul>
 * An explicit input size picks the family of that size instead (64 → stl64, 128 → imagenet128;
 * 32 on RGB images of another size resizes them first). A size that would only upsample a
 * format's fixed-size images, or a channel count its images cannot give, is refused with an error
 * naming the option and the dataset.
 */
public final class AugmentFamily {

    private AugmentFamily() {
    }

    /** The encoder input side a dataset trains at unless told otherwise (spec §5.2). */
    static int defaultInputSize(DatasetFormat format) {
        return switch (format.family()) {
            case GRAYSCALE_28, CIFAR_32, ANY_SIZE -> AugmentConfig.SIZE_32;
            case STL_96 -> AugmentConfig.SIZE_64;
        };
    }

    /**
     * The augmentation of {@code dataset}, optionally at another encoder input side and channel count
     * (the {@code --input-size} and {@code --channels} options, named in the errors).
     */
    public static AugmentConfig forDataset(DatasetSpec dataset, OptionalInt inputSize, OptionalInt channels) {
        Objects.requireNonNull(dataset, "dataset");
        DatasetFormat format = dataset.format();
        int size = inputSize.orElse(defaultInputSize(format));
        int c = channels.orElse(format.channels());
        AugmentConfig family = switch (format.family()) {
            case GRAYSCALE_28 -> grayscale(dataset, size, c);
            case CIFAR_32, STL_96, ANY_SIZE -> rgb(dataset, size, c);
        };
        return family.withFlip(format.mirrorKeepsClass());
    }

    private static AugmentConfig grayscale(DatasetSpec dataset, int size, int c) {
        if (size != AugmentConfig.SIZE_32) {
            throw new IllegalArgumentException("--input-size " + size + " does not fit --dataset " + dataset
                    + ": its images are 28x28 and train the 32-px encoder after zero padding (spec §5.4)");
        }
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("--channels " + c + " does not fit --dataset " + dataset
                    + ": grayscale images train with 1 channel, or 3 replicated ones (spec §5.4)");
        }
        return AugmentConfig.gray28().withChannels(c);
    }

    private static AugmentConfig rgb(DatasetSpec dataset, int size, int c) {
        if (c != 3) {
            throw new IllegalArgumentException("--channels " + c + " does not fit --dataset " + dataset
                    + ": its images are RGB and train with 3 channels; 1 channel is for grayscale datasets"
                    + " (fashion-mnist, mnist)");
        }
        OptionalInt side = dataset.format().imageSide();
        if (side.isPresent() && size > side.getAsInt()) {
            throw new IllegalArgumentException("--input-size " + size + " does not fit --dataset " + dataset
                    + ": its images are " + side.getAsInt() + "x" + side.getAsInt() + " and would only be"
                    + " upsampled; use --input-size " + defaultInputSize(dataset.format()) + " or larger images");
        }
        AugmentConfig family;
        try {
            family = AugmentConfig.forFamily(size, c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--input-size " + size + " (--dataset " + dataset + "): "
                    + e.getMessage(), e);
        }
        // 32-px families take their input as it is; other sides are resized to it first
        boolean resize = family.translate() != null && side.orElse(0) != size;
        return resize ? family.withResizeInput(true) : family;
    }
}
