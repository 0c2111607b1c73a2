package io.amdim4j.cli;

import ai.djl.ndarray.NDManager;
import io.amdim4j.data.DatasetException;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.Split;
import io.amdim4j.embed.EmbedConfig;
import io.amdim4j.embed.EmbeddingExporter;
import io.amdim4j.embed.EmbeddingFiles;
import io.amdim4j.embed.EncoderOutput;
import io.amdim4j.runtime.EngineThreadPolicy;
import io.amdim4j.runtime.Runtime;
import io.amdim4j.train.TrainedEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code amdim embed}: the embeddings of a dataset split through a trained encoder, as npy and CSV. */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Embed every image of a dataset split with a trained encoder (embeddings.npy, index.csv).",
        description = {"Embed every image of a dataset split once with a trained encoder and the run's",
                "test transform (spec §5.5): OUT/embeddings.npy (float32, N×D), OUT/index.csv",
                "(row,index,label,class_name) and with --csv OUT/embeddings.csv."})
final class EmbedCommand implements Callable<Integer>, EngineCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    CheckpointSource source;

    @Mixin
    DatasetOption dataset = new DatasetOption();

    @Option(names = "--split", converter = DatasetOption.SplitConverter.class,
            description = "Split to embed (default: ${DEFAULT-VALUE}).")
    Split split = Split.TEST;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the files.")
    Path out;

    @Option(names = "--output", paramLabel = "r1|r5|r7",
            description = "Encoder output to store (default: r1); r5/r7 flattened in C order.")
    EncoderOutput output = EncoderOutput.R1;

    @Option(names = "--csv", description = "Also write embeddings.csv (about 10 bytes per value).")
    boolean csv;

    @Option(names = "--batch", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
    int batch = EmbedConfig.DEFAULT_BATCH_SIZE;

    @Mixin
    ImageThreadsOption threads = new ImageThreadsOption();

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Mixin
    PrecisionOptions precision = new PrecisionOptions();

    @Mixin
    DeviceOption device = new DeviceOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Runtime runtime = precision.resolve(device.device, EngineThreadPolicy.FIXED);
        EmbedConfig config = EmbedConfig.defaults().withBatchSize(batch).withLoaderThreads(threads.count)
                .withOutput(output).withCsv(csv).withProgress(progress.shown());
        ImageDataset images = open();
        PrintWriter stdout = spec.commandLine().getOut();
        try (NDManager manager = runtime.newBaseManager()) {
            TrainedEncoder trained = source.load(manager, spec.commandLine().getErr(), spec.name());
            EmbedConfig proven = config.withPrecision(precision.prove(runtime, trained.encoder().getConfig(),
                    batch, spec.commandLine().getErr()).precision());
            EmbeddingFiles files = new EmbeddingExporter(trained.encoder(), proven)
                    .export(images, trained.augment(), out);
            stdout.printf("embedded %d images of %s (%s test transform) from %s%n", files.rows(),
                    images.describe(), trained.augment().name(), trained.checkpoint());
            stdout.printf("%s: %d×%d float32 (%s)%n", files.npy().toAbsolutePath(), files.rows(),
                    files.dimension(), files.output().key());
            stdout.println(files.index().toAbsolutePath());
            files.csv().ifPresent(p -> stdout.println(p.toAbsolutePath()));
            stdout.flush();
        }
        return 0;
    }

    /** The split, or an error naming the option (a DatasetException is not one of Main's input errors). */
    private ImageDataset open() {
        DatasetSpec images = dataset.required(spec);
        try {
            return images.open(split);
        } catch (DatasetException e) {
            throw new IllegalArgumentException("--dataset " + images + " --split " + split + ": " + e.getMessage(), e);
        }
    }
}
