package io.amdim4j.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.pipeline.HostBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * One rank of {@link DataParallelTest}'s job: each rank builds the model from its own seed (so the
 * broadcast has something to fix), takes {@link #STEPS} updates through {@link DataParallel} on its own
 * synthetic shard, and writes what the test compares: the digest of its trainable parameters before the
 * broadcast and after the updates, and the averaged gradients of the first update, taken at learning
 * rate 0 so the weights stay those of rank 0's initialisation.
 */
public final class DataParallelStepCheck {

    static final int STEPS = 4;
    static final int CLASSES = 10;
    static final long INIT_SEED = 3;
    static final double LR = 1e-3;

    private DataParallelStepCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        TrainConfig config = config();
        try (ProcessGroup group = ProcessGroup.fromEnvironment(System.getenv());
                NDManager root = NDManager.newBaseManager();
                PretrainModel model = new PretrainModel(config, CLASSES, INIT_SEED + group.rank(), root);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager())) {
            int r = group.rank();
            Files.writeString(out.resolve("initial-" + r), digest(model));
            DataParallel parallel = new DataParallel(group, model);
            parallel.broadcastParameters();
            // rank 0 keeps the averaged gradient of the first update; rank 1 writes its own copy of it
            ReplicaSync capture = new GradientCapture(parallel, model, out.resolve("mean-gradient-" + r));
            PretrainStep step = new PretrainStep(config, model, adam, capture);
            for (int t = 0; t < STEPS; t++) {
                step.run(shard(r, t), t == 0 ? 0 : LR, locations(r, t), dropoutSeed(r, t));
            }
            parallel.requireIdenticalParameters(STEPS);
            Files.writeString(out.resolve("final-" + r), digest(model));
        }
    }

    /** TinyRun's ndf-8 encoder, batch 4 per rank. */
    static TrainConfig config() {
        return TinyRun.config(Path.of("not-read"));
    }

    /** Rank r's images of update t: Gaussian views, labels 0..3. */
    static HostBatch shard(int rank, int t) {
        int n = config().batchSize();
        SplittableRandom rng = new SplittableRandom(1000L * rank + t);
        float[][] views = new float[2][n * 3 * 32 * 32];
        for (float[] view : views) {
            for (int i = 0; i < view.length; i++) {
                view[i] = (float) rng.nextGaussian();
            }
        }
        int[] labels = new int[n];
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
            indices[i] = i;
        }
        return new HostBatch(0, t, views, 3, 32, 32, labels, indices);
    }

    static SplittableRandom locations(int rank, int t) {
        return new SplittableRandom(77L * rank + t);
    }

    static long dropoutSeed(int rank, int t) {
        return 99L * rank + t;
    }

    static String digest(PretrainModel model) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Parameter p : model.trainableParameters().values()) {
            md.update(p.getArray().toByteBuffer());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
