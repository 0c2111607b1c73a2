package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amdim4j.WithNDManager;
import io.amdim4j.cli.Main;
import io.amdim4j.data.EpochShard;
import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.SeedStreams;
import io.amdim4j.dist.MpiExec;
import io.amdim4j.loss.NceGoldenTest;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.PretrainBatches;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real MPI processes ({@code mpiexec -n 2}, one engine thread each) train through {@link DataParallel};
 * {@link DataParallelStepCheck} is what each of them runs.
 */
class DataParallelTest extends WithNDManager {

    /**
     * Tolerance on the averaged gradient, as the L2 norm of the difference over the norm of the mean: the
     * ranks run one engine thread and this JVM two, so the backward pass sums in another order and single
     * elements differ in their last float32 digits (about 1e-4 relative at worst on a small element).
     */
    private static final double REL_L2_TOL = 1e-4;

    @TempDir
    Path dir;

    @Test
    void ranksHoldOneModelAndAverageTheirShardsGradients() throws Exception {
        MpiExec.succeed(MpiExec.command(2, List.of(DataParallelStepCheck.class.getName(), dir.toString())),
                dir.resolve("job.log"));

        // each rank started from its own initialisation; the broadcast and the averaged updates made them one
        assertThat(Files.readString(dir.resolve("initial-0"))).isNotEqualTo(Files.readString(dir.resolve("initial-1")));
        assertThat(Files.readString(dir.resolve("final-1"))).isEqualTo(Files.readString(dir.resolve("final-0")));
        assertThat(Files.readString(dir.resolve("final-0"))).isNotEqualTo(Files.readString(dir.resolve("initial-0")));

        // the same first update in this process, one shard after the other, at rank 0's initial weights
        float[] shard0;
        float[] shard1;
        TrainConfig config = DataParallelStepCheck.config();
        try (PretrainModel model = new PretrainModel(config, DataParallelStepCheck.CLASSES,
                        DataParallelStepCheck.INIT_SEED, manager);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager())) {
            shard0 = gradientOf(config, model, adam, 0);
            shard1 = gradientOf(config, model, adam, 1);
        }
        float[] allReduced = GradientCapture.read(dir.resolve("mean-gradient-0"));
        assertThat(GradientCapture.read(dir.resolve("mean-gradient-1"))).containsExactly(allReduced);
        assertThat(allReduced).hasSameSizeAs(shard0);
        double[] mean = new double[shard0.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (shard0[i] + shard1[i]) / 2.0;
        }
        assertThat(relativeL2(allReduced, mean)).isLessThan(REL_L2_TOL);
        // the shards differ enough that one rank's own gradient would be far outside the tolerance
        assertThat(relativeL2(shard0, mean)).isGreaterThan(1000 * REL_L2_TOL);
    }

    /**
     * An update of {@code mpiexec -n 2 amdim pretrain} against the same global batch in one process: the
     * loss rank 0 logs is the mean of the losses of the two shards of that batch, each computed here from
     * the loader with that rank's share of the epoch, its 5×5 locations and its dropout. Ranks that each
     * train on the whole epoch (the same images), or losses summed instead of averaged, fail here.
     */
    @Test
    void anMpiUpdateIsTheMeanOverTheShardsOfTheSingleProcessGlobalBatch() throws Exception {
        Path cifar = TinyCifar.write(dir.resolve("cifar"), 4, 4, 3); // 20 images: 2 global batches of 2 × 4
        Path runDir = dir.resolve("run");
        MpiExec.succeed(MpiExec.command(2, List.of(Main.class.getName(), "pretrain", "--dataset", "cifar10:" + cifar,
                "--ndf", "8", "--n-rkhs", "32", "--n-depth", "1", "--batch-size", "4", "--epochs", "1", "--steps", "1",
                "--warmup", "3", "--lr", "0.002", "--seed", "5", "--precision", "fp32", "--no-test", "--no-progress",
                "--run-dir", runDir.toString())), dir.resolve("mpi.log"));
        RunDirectory run = new RunDirectory(runDir);
        double logged = RunMetrics.steps(run).get(0).loss();

        TrainConfig config = ConfigJson.read(run.config(), TrainConfig.class).config();
        assertThat(config.worldSize()).isEqualTo(2);
        ImageDataset train = config.data().openTrain();
        SeedStreams seeds = config.data().seeds();
        double[] shardLoss = new double[2];
        try (PretrainModel model = new PretrainModel(config, train.classNames().size(),
                        seeds.derive("init").epochSeed(0), manager);
                CoupledL2Adam adam = new CoupledL2Adam(config.optim(), model.trainableParameters(), model.manager())) {
            PretrainStep step = new PretrainStep(config, model, adam, ReplicaSync.NONE);
            for (int rank = 0; rank < 2; rank++) {
                try (BatchLoader loader = PretrainBatches.training(train, config.augment(), seeds, config.batchSize(), 1,
                        new EpochShard(rank, 2))) {
                    // learning rate 0: both shards see the initial weights, as both ranks did
                    shardLoss[rank] = step.run(loader.epoch(0, 0).next(), 0,
                            seeds.derive("locations").forSample(rank, 0), seeds.derive("dropout").sampleSeed(rank, 0))
                            .loss();
                }
            }
        }
        double mean = (shardLoss[0] + shardLoss[1]) / 2;
        assertThat(logged).isCloseTo(mean, within(1e-4 * Math.abs(mean)));
        // the two shards are different images: one shard's loss alone is far from the mean
        assertThat(Math.abs(shardLoss[0] - shardLoss[1])).isGreaterThan(100 * 1e-4 * Math.abs(mean));
    }

    private static double relativeL2(float[] actual, double[] expected) {
        double[] wide = new double[actual.length];
        Arrays.setAll(wide, i -> actual[i]);
        return NceGoldenTest.relativeError(wide, expected);
    }

    /** The gradient of rank {@code rank}'s first update, at learning rate 0 so the weights do not move. */
    private float[] gradientOf(TrainConfig config, PretrainModel model, CoupledL2Adam adam, int rank) throws Exception {
        Path file = dir.resolve("shard-" + rank);
        new PretrainStep(config, model, adam, new GradientCapture(ReplicaSync.NONE, model, file)).run(
                DataParallelStepCheck.shard(rank, 0), 0, DataParallelStepCheck.locations(rank, 0),
                DataParallelStepCheck.dropoutSeed(rank, 0));
        return GradientCapture.read(file);
    }
}
