package io.amdim4j.train;

import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.data.DataConfig;
import io.amdim4j.data.DatasetSpec;
import io.amdim4j.data.Split;
import io.amdim4j.loss.MixtureConfig;
import io.amdim4j.loss.NceConfig;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.runtime.PrecisionConfig;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real, tiny pre-training run for the tests of everything that starts from a checkpoint (this
 * package and {@code amdim export}/{@code amdim embed}): a CIFAR-10 binary dataset of random images
 * and two updates of a ndf-8 encoder, checkpointed after each.
 */
public final class TinyRun {

    /** Images in each of the five train batch files. */
    public static final int PER_TRAIN_FILE = 2;

    /** Images in test_batch.bin. */
    public static final int TEST_IMAGES = 6;

    /** Updates of the run; one checkpoint after each. */
    public static final int STEPS = 2;

    /** R of the tiny encoder. */
    public static final int N_RKHS = 32;

    private static final int SIDE = 32;

    private TinyRun() {}

    /** Writes data_batch_1..5.bin and test_batch.bin (see {@link TinyCifar}). */
    public static Path writeCifar(Path dir, long seed) throws IOException {
        return TinyCifar.write(dir, PER_TRAIN_FILE, TEST_IMAGES, seed);
    }

    /** Batch 4, two updates, no per-epoch test, ndf 8, n_rkhs 32, n_depth 1, a checkpoint every update. */
    public static TrainConfig config(Path cifarDir) {
        DataConfig data = new DataConfig(DatasetSpec.parse("cifar10:" + cifarDir), Split.TRAIN, Split.TEST, 7);
        EncoderConfig encoder = new EncoderConfig(SIDE, 3, 8, N_RKHS, 1, false);
        OptimConfig optim = OptimConfig.forEpochs(1).withWarmup(1).withLr(2e-3);
        return new TrainConfig(data, encoder, AugmentConfig.cifar32(), NceConfig.defaults(), MixtureConfig.defaults(),
                optim, 1, STEPS, 4, 1, 1, 2, false, 1, PrecisionConfig.fp32());
    }

    private static RunDirectory shared;
    private static Path sharedRoot;

    /**
     * One tiny run per test JVM under {@link #sharedRoot()}, pre-trained on first use, for tests that
     * only read a run (export, embed, eval, search, finetune): one pre-training instead of one per class.
     */
    public static synchronized RunDirectory shared() throws IOException {
        if (shared == null) {
            shared = pretrain(sharedRoot());
        }
        return shared;
    }

    /** The directory of {@link #shared()}: {@code cifar/} holds its dataset, {@code run/} the run. */
    public static synchronized Path sharedRoot() throws IOException {
        if (sharedRoot == null) {
            sharedRoot = java.nio.file.Files.createTempDirectory("amdim-tiny-run-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(sharedRoot)));
        }
        return sharedRoot;
    }

    private static void deleteTree(Path root) {
        try (var walk = java.nio.file.Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a finished test run over
        }
    }

    /** Writes the dataset under {@code root/cifar} and pre-trains into {@code root/run}. */
    public static RunDirectory pretrain(Path root) throws IOException {
        Path cifar = writeCifar(root.resolve("cifar"), 5);
        Path run = root.resolve("run");
        Pretraining.start(config(cifar), run, new Pretraining.Options(false, new PrintWriter(new StringWriter())));
        return new RunDirectory(run);
    }
}
