package io.amdim4j.data;

import java.util.Objects;

/**
 * Which data a run reads (spec §5.2 "Splits"): the dataset, the split for self-supervised
 * training and the online classifiers, the split for testing, and the seed from which shuffling
 * and per-sample randomness are derived ({@link SeedStreams}).
 *
 * @param dataset a {@link DatasetSpec} string such as {@code cifar10:/data/cifar-10-batches-bin}
 * @param trainSplit e.g. {@code train}, or {@code train+unlabeled} for STL-10
 * @param testSplit e.g. {@code test}, or {@code val} for ImageNet folders
 * @param seed the data seed
 */
public record DataConfig(String dataset, String trainSplit, String testSplit, long seed) {

    public DataConfig {
        Objects.requireNonNull(dataset, "dataset");
        DatasetSpec.parse(dataset);
        if (trainSplit == null || trainSplit.isBlank()) {
            throw new IllegalArgumentException("trainSplit must be named");
        }
        if (testSplit == null || testSplit.isBlank()) {
            throw new IllegalArgumentException("testSplit must be named");
        }
    }

    /** The spec §5.2 splits for {@code dataset}: its default train split and {@code test}. */
    public static DataConfig defaults(String dataset, long seed) {
        return new DataConfig(dataset, DatasetSpec.parse(dataset).defaultTrainSplit(), "test", seed);
    }

    public DatasetSpec spec() {
        return DatasetSpec.parse(dataset);
    }

    public ImageDataset openTrain() {
        return spec().open(trainSplit);
    }

    public ImageDataset openTest() {
        return spec().open(testSplit);
    }

    /** The random streams of this data seed. */
    public SeedStreams seeds() {
        return new SeedStreams(seed);
    }
}
