package io.amdim4j.cli;

import io.amdim4j.data.Split;
import io.amdim4j.serve.ServedIndex;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The index and the dataset split it was embedded from: what serve and bench serve open. */
final class ServedIndexOptions {

    @Option(names = "--index", required = true, paramLabel = "INDEX", description = "Index directory (amdim index).")
    Path index;

    @Mixin
    DatasetOption dataset = new DatasetOption();

    @Option(names = "--split", converter = DatasetOption.SplitConverter.class,
            description = "The split amdim embed read for the index (default: ${DEFAULT-VALUE}, as embed's).")
    Split split = Split.TEST;

    /** Opens both; {@code model} (may be null) embeds uploaded images. */
    ServedIndex open(CommandSpec command, Path model, int candidates) throws IOException {
        return ServedIndex.open(index, dataset.required(command).open(split), model, candidates);
    }
}
