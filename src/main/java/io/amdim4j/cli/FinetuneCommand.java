package io.amdim4j.cli;

import ai.djl.ndarray.NDManager;
import io.amdim4j.data.DataConfig;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.embed.ModelExporter;
import io.amdim4j.finetune.FineTuning;
import io.amdim4j.finetune.FinetuneConfig;
import io.amdim4j.finetune.FinetuneJson;
import io.amdim4j.model.ClassifierHead;
import io.amdim4j.preflight.Preflight;
import io.amdim4j.preflight.PreflightCombination;
import io.amdim4j.run.OutputDirectory;
import io.amdim4j.runtime.EngineProvenance;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.train.TrainedEncoder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amdim finetune}: a deployable classifier from a pre-trained encoder and a share of the labels. */
@Command(name = "finetune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fine-tune a pre-trained encoder with a classifier head on a class-balanced share of the"
                + " labels (the encoder at --encoder-lr, the head at --head-lr, early stopping on a validation"
                + " split of those labels), score it on the test split beside the same network trained from"
                + " random initialisation and the frozen encoder's linear and MLP probes, and export it as a DJL"
                + " model directory (Criteria<Image, Classifications>) with finetune.json."})
final class FinetuneCommand implements Callable<Integer>, EngineCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    CheckpointSource source;

    @Mixin
    DatasetOption dataset = new DatasetOption();

    @Mixin
    RunSplits splits = new RunSplits();

    @Option(names = "--label-fraction", paramLabel = "F", description = "Share of each class's labels, in (0, 1]"
            + " (default: ${DEFAULT-VALUE}).")
    double labelFraction = 0.1;

    @Option(names = "--epochs", description = "Epochs at most (default: ${DEFAULT-VALUE}).")
    int epochs = FinetuneConfig.EPOCHS;

    @Option(names = "--batch-size", description = "Images per update (default: ${DEFAULT-VALUE}).")
    int batchSize = FinetuneConfig.BATCH_SIZE;

    @Option(names = "--encoder-lr", description = "Adam learning rate of the encoder (default: ${DEFAULT-VALUE}).")
    double encoderLr = FinetuneConfig.ENCODER_LR;

    @Option(names = "--head-lr", description = "Adam learning rate of the head (default: ${DEFAULT-VALUE}).")
    double headLr = FinetuneConfig.HEAD_LR;

    @Option(names = "--head", paramLabel = "linear|mlp", description = "Classifier head on r1, spec §6.1"
            + " (default: linear).")
    ClassifierHead head = ClassifierHead.LINEAR;

    @Option(names = "--validation-fraction", description = "Share of the chosen labels held out for early stopping"
            + " (default: ${DEFAULT-VALUE}).")
    double validationFraction = FinetuneConfig.VALIDATION_FRACTION;

    @Option(names = "--patience", description = "Epochs without a better validation accuracy before stopping"
            + " (default: ${DEFAULT-VALUE}).")
    int patience = FinetuneConfig.PATIENCE;

    @Option(names = "--seed", description = "Seed of the label share, split, head and augmentation"
            + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--loader-threads", description = "Loader threads (default: ${DEFAULT-VALUE}).")
    int loaderThreads = 1;

    @Option(names = "--no-baselines", description = "Skip the random-init network and the frozen probes.")
    boolean noBaselines;

    @Mixin
    DeviceOption device = new DeviceOption();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Model directory to create for the fine-tuned classifier (with finetune.json).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // before the hours of training and scoring, not after them (the export checks again)
        OutputDirectory.requireNewOrEmpty(out, "finetune");
        FinetuneConfig config = new FinetuneConfig(labelFraction, epochs, batchSize, encoderLr, headLr, head,
                validationFraction, patience, seed, loaderThreads);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        long start = System.nanoTime();
        try (NDManager manager = device.device.newBaseManager()) {
            TrainedEncoder trained = source.load(manager, stderr, spec.name());
            // fine-tuning computes in float32: proven for this encoder and batch all the same
            Preflight.prove(new PreflightCombination(device.device, PrecisionConfig.fp32(),
                    trained.encoder().getConfig(), batchSize), false, stderr);
            DataConfig run = trained.config().data();
            DataConfig data = splits.resolve(run, dataset);
            ImageDataset trainImages = RunSplits.openTrain(data);
            FineTuning.Outcome outcome = new FineTuning(config, manager, line -> {
                stderr.println("amdim finetune: " + line);
                stderr.flush();
            }).run(trained.encoder(), trained.augment(), trainImages, RunSplits.openTest(data),
                    !noBaselines);
            ModelExporter.export(outcome.classifier(), trained.augment(), trainImages.classNames(), out);
            FinetuneJson json = new FinetuneJson(trained.checkpoint().toAbsolutePath().toString(),
                    data.dataset().toString(), data.trainSplit().toString(), data.testSplit().toString(), config,
                    outcome.result(), (System.nanoTime() - start) / 1e9, EngineProvenance.capture());
            Path file = json.write(out);
            stdout.printf("Fine-tuning on %.4g of the labels (%d training, %d validation images), test accuracy on"
                    + " %d images:%n", labelFraction, outcome.result().fitImages(),
                    outcome.result().validationImages(), outcome.result().testImages());
            for (Map.Entry<String, Double> row : json.table()) {
                stdout.printf("  %-32s %6.2f %%%n", row.getKey(), 100 * row.getValue());
            }
            stdout.printf("exported %s (load with Criteria<Image, Classifications>); wrote %s%n",
                    out.toAbsolutePath(), file.toAbsolutePath());
            stdout.flush();
        }
        return 0;
    }
}
