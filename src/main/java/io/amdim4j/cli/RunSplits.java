package io.amdim4j.cli;

import io.amdim4j.data.DataConfig;
import io.amdim4j.data.DatasetException;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.Split;
import picocli.CommandLine.Option;

/**
 * The labelled splits of the commands that score a trained encoder against labels (eval, finetune):
 * by default the run's own, its training split without the unlabelled part (spec §6.3).
 */
final class RunSplits {

    @Option(names = "--train-split", paramLabel = "SPLIT", converter = DatasetOption.SplitConverter.class,
            description = "Labelled training split (default: the run's, without its unlabeled part, "
                    + "e.g. train for STL-10, spec §6.3).")
    Split trainSplit;

    @Option(names = "--test-split", paramLabel = "SPLIT", converter = DatasetOption.SplitConverter.class,
            description = "Split scored once (default: the run's).")
    Split testSplit;

    /** The run's data, with the options that override it. */
    DataConfig resolve(DataConfig run, DatasetOption dataset) {
        Split train = trainSplit != null ? trainSplit : labelledPart(run.trainSplit());
        Split test = testSplit != null ? testSplit : run.testSplit();
        return new DataConfig(dataset.given().orElse(run.dataset()), train, test, run.seed());
    }

    static ImageDataset openTrain(DataConfig data) {
        return open(data.dataset(), data.trainSplit(), "--train-split");
    }

    static ImageDataset openTest(DataConfig data) {
        return open(data.dataset(), data.testSplit(), "--test-split");
    }

    /** The run's training split without its unlabelled parts (spec §6.3: STL-10's probes fit on train). */
    static Split labelledPart(Split split) {
        try {
            return split.labelled();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the run trained on the unlabelled split '" + split
                    + "' only; name a labelled split with --train-split", e);
        }
    }

    /**
     * The split. Main reports a DatasetException as it is, naming only the file; here it also names
     * the options that chose the split, since the run's defaults may have chosen them.
     */
    private static ImageDataset open(DatasetSpec spec, Split split, String option) {
        try {
            return spec.open(split);
        } catch (DatasetException e) {
            throw new IllegalArgumentException("--dataset " + spec + " " + option + " " + split + ": "
                    + e.getMessage(), e);
        }
    }
}
