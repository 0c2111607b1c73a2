package io.amdim4j.cli;

import ai.djl.ndarray.NDManager;
import io.amdim4j.embed.EncoderOutput;
import io.amdim4j.runtime.ComputeDevice;
import io.amdim4j.embed.ModelExporter;
import io.amdim4j.train.TrainedEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code amdim export}: a DJL model directory of a trained encoder, loadable with one Criteria. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Export the encoder of a checkpoint as a DJL model directory that Criteria loads.",
        description = {"Export the encoder of a pre-training checkpoint as a DJL model directory (spec §2):",
                "Criteria.builder().setTypes(Image.class, float[].class).optModelPath(OUT)",
                "    .optTranslatorFactory(new EncoderTranslatorFactory()).build()",
                "gives a Predictor<Image, float[]> that applies the run's test transform (spec §5.5)."})
final class ExportCommand implements Callable<Integer>, EngineCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    CheckpointSource source;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Model directory to create (must not exist or be empty).")
    Path out;

    @Option(names = "--output", paramLabel = "r1|r5|r7",
            description = "Encoder output the predictor returns (default: r1).")
    EncoderOutput output = EncoderOutput.R1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        try (NDManager manager = ComputeDevice.CPU.newBaseManager()) {
            TrainedEncoder trained = source.load(manager, spec.commandLine().getErr(), spec.name());
            Path dir = ModelExporter.export(trained.encoder(), trained.augment(), output, out);
            stdout.printf("exported %s (%s test transform, output %s, %d values per image) from %s%n",
                    dir.toAbsolutePath(), trained.augment().name(), output.key(),
                    output.dimension(trained.encoder().getConfig()), trained.checkpoint());
            stdout.flush();
        }
        return 0;
    }
}
