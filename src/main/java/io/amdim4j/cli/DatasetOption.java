package io.amdim4j.cli;

import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --dataset SPEC}, one option with one help text for every command that reads images
 * (pretrain, eval, embed, report, bench data), parsed once into a {@link DatasetSpec} as the
 * command line is read. What it defaults to is the command's: pretrain's instance starts at
 * Fashion-MNIST, eval and report fall back to the run's dataset, embed and bench data call
 * {@link #required}.
 */
final class DatasetOption {

    /** The formats; every command's {@code --dataset} shows this and {@link #SPLITS}. */
    static final String FORMATS = "fashion-mnist[:DIR], mnist:DIR, cifar10:DIR, cifar100:DIR, cifar100-coarse:DIR, "
            + "stl10:DIR, folder:DIR (DIR/<split>/<class>/*.jpg) or tar:FILE (the same layout in a .tar or .tar.gz, "
            + "e.g. tar:cifar10-jpg.tar.gz).";

    /** The split grammar ({@link Split}). */
    static final String SPLITS = "Splits: train and test; stl10 also unlabeled; folder and tar any folder name "
            + "(unlabeled: images without class folders); a+b reads split a, then split b.";

    @Option(names = "--dataset", paramLabel = "SPEC", converter = SpecConverter.class, description = {FORMATS, SPLITS})
    DatasetSpec spec;

    DatasetOption() {
    }

    /** The option with a default, shown by nothing but used when {@code --dataset} is absent. */
    DatasetOption(DatasetSpec defaultSpec) {
        spec = defaultSpec;
    }

    Optional<DatasetSpec> given() {
        return Optional.ofNullable(spec);
    }

    /** The dataset, or picocli's own error for a missing required option. */
    DatasetSpec required(CommandSpec command) {
        if (spec == null) {
            throw new ParameterException(command.commandLine(), "Missing required option: '--dataset=SPEC'");
        }
        return spec;
    }

    /** Reads {@code --dataset}; picocli reports a bad spec with the option's name. */
    static final class SpecConverter extends ParseConverter<DatasetSpec> {
        SpecConverter() {
            super(DatasetSpec::parse);
        }
    }

    /** Reads a split option ({@code --split}, {@code --train-split}, {@code --test-split}). */
    static final class SplitConverter extends ParseConverter<Split> {
        SplitConverter() {
            super(Split::parse);
        }
    }
}
