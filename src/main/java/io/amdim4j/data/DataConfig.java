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

    /**
     * Checks that the dataset and both splits are given.
     *
     * @param dataset the dataset, required
     * @param trainSplit the pre-training split, required
     * @param testSplit the test split, required
     * @param seed any value; equal seeds give equal shuffles and views
     * @throws NullPointerException naming the missing component
     */
    public DataConfig {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trainSplit, "trainSplit");
        Objects.requireNonNull(testSplit, "testSplit");
    }

    /**
     * The format's splits (spec §5.2) for {@code dataset}: its default train and test splits.
     *
     * @param dataset the dataset to read
     * @param seed the data seed
     * @return a config with {@code dataset}'s default train and test splits
     */
    public static DataConfig defaults(DatasetSpec dataset, long seed) {
        return new DataConfig(dataset, dataset.format().defaultTrainSplit(), dataset.format().defaultTestSplit(),
                seed);
    }

    /**
     * Opens the training split; the images are read lazily.
     *
     * @return the training images
     * @throws DatasetException naming the file when the dataset is missing or malformed
     */
    public ImageDataset openTrain() {
        return dataset.open(trainSplit);
    }

    /**
     * Opens the test split; the images are read lazily.
     *
     * @return the test images
     * @throws DatasetException naming the file when the dataset is missing or malformed
     */
    public ImageDataset openTest() {
        return dataset.open(testSplit);
    }

    /**
     * The random streams of this data seed.
     *
     * @return streams split from {@link #seed()} per purpose (shuffling, augmentation)
     */
    public SeedStreams seeds() {
        return new SeedStreams(seed);
    }
}
