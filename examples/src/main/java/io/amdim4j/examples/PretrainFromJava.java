package io.amdim4j.examples;

import ai.djl.ndarray.NDManager;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DataConfig;
import io.amdim4j.embed.EncoderOutput;
import io.amdim4j.embed.ModelExporter;
import io.amdim4j.loss.MixtureConfig;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.train.OptimConfig;
import io.amdim4j.train.PretrainListener;
import io.amdim4j.train.Pretraining;
import io.amdim4j.train.StepResult;
import io.amdim4j.train.TrainConfig;
import io.amdim4j.train.TrainedEncoder;
import io.amdim4j.train.TrainingCursor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Pre-trains a small AMDIM encoder from Java code on a folder of 32×32 RGB images
 * ({@code IMAGE_DIR/train/<class>/*.png}), prints its progress through a listener, and exports the
 * result for {@link NearestNeighbours}.
 *
 * <pre>PretrainFromJava IMAGE_DIR RUN_DIR MODEL_DIR UPDATES</pre>
 */
public final class PretrainFromJava {

    private PretrainFromJava() {}

    /** Prints one line per update and one when the run stops. */
    static final class PrintProgress implements PretrainListener {

        @Override
        public void onStep(TrainingCursor cursor, StepResult result, double lr, double pairsPerSecond) {
            System.out.printf(Locale.ROOT, "update %d (epoch %d): loss %.4f %s, lr %.2e%n",
                    cursor.step(), cursor.epoch(), result.loss(), result.losses().byKey(), lr);
        }

        @Override
        public void onStop(TrainingCursor cursor) {
            System.out.printf(Locale.ROOT, "stopped after %d updates%n", cursor.step());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: PretrainFromJava IMAGE_DIR RUN_DIR MODEL_DIR UPDATES");
            System.exit(2);
        }
        Path images = Path.of(args[0]);
        Path runDir = Path.of(args[1]);
        Path modelDir = Path.of(args[2]);
        long updates = Long.parseLong(args[3]);

        // A deliberately tiny encoder (32 px RGB, ndf 8, n_rkhs 32, one residual unit per stage, no
        // batch norm) so that the example runs in seconds; EncoderConfig.cifarLarge() is the paper's.
        EncoderConfig encoder = new EncoderConfig(32, 3, 8, 32, 1, false);
        TrainConfig config = new TrainConfig(
                DataConfig.defaults(DatasetSpec.parse("folder:" + images), 42),   // the "train" split, master seed 42
                encoder,
                AugmentConfig.cifar32(),                      // spec §5.2 for 32 px RGB
                NceConfig.defaults(),
                MixtureConfig.defaults(),                     // no mixtures
                OptimConfig.forEpochs(1).withWarmup(1).withLr(2e-3),
                1,          // epochs
                updates,    // stop after this many updates
                4,          // batch size
                1,          // loader threads
                0,          // checkpoint at the end only
                2,          // checkpoints kept
                false,      // no online-probe test at epoch ends
                1,          // batches for batch-norm re-estimation
                PrecisionConfig.fp32());

        Pretraining.Options options = new Pretraining.Options(false, new PrintWriter(System.err, true))
                .withListener(new PrintProgress());
        Pretraining.Outcome outcome = Pretraining.start(config, runDir, options);

        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedEncoder trained = TrainedEncoder.load(outcome.checkpoint(), manager);
            ModelExporter.export(trained.encoder(), trained.augment(), EncoderOutput.R1, modelDir);
        }
        System.out.println("exported " + modelDir);
    }
}
