package io.amdim4j.data;

import java.util.Objects;

/**
 * Which data a run reads (spec §5.2 "Splits"): the dataset, the split for self-supervised
 * training and the online classifiers, the split for testing, and the seed from which shuffling
 * and per-sample randomness are derived ({@link SeedStreams}). In config.json the dataset and the
 * splits are the strings the command line takes.
 *
 * @param dataset the parsed dataset, e.g. {@code cifar10:/data/cifar-10-batches-bin}
 * @param trainSplit e.g. {@code train}, or {@code train+unlabeled} for STL-10
 * @param testSplit e.g. {@code test}, or {@code val} for ImageNet folders
 * @param seed the data seed
 */
public record DataConfig(DatasetSpec dataset, Split trainSplit, Split testSplit, long seed) {

    public DataConfig {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trainSplit, "trainSplit");
        Objects.requireNonNull(testSplit, "testSplit");
    }

    /** The format's splits (spec §5.2) for {@code dataset}: its default train and test splits. */
    public static DataConfig defaults(DatasetSpec dataset, long seed) {
        return new DataConfig(dataset, dataset.format().defaultTrainSplit(), dataset.format().defaultTestSplit(),
                seed);
    }

    public ImageDataset openTrain() {
        return dataset.open(trainSplit);
    }

    public ImageDataset openTest() {
        return dataset.open(testSplit);
    }

    /** The random streams of this data seed. */
    public SeedStreams seeds() {
        return new SeedStreams(seed);
    }
}
