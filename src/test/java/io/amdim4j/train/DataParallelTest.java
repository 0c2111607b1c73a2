package io.amdim4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.amdim4j.WithNDManager;
import io.amdim4j.dist.MpiExec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        float[] allReduced = readFloats(dir.resolve("mean-gradient"));
        assertThat(allReduced).hasSameSizeAs(shard0);
        double[] mean = new double[shard0.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (shard0[i] + shard1[i]) / 2.0;
        }
        assertThat(relativeL2(allReduced, mean)).isLessThan(REL_L2_TOL);
        // the shards differ enough that one rank's own gradient would be far outside the tolerance
        assertThat(relativeL2(shard0, mean)).isGreaterThan(1000 * REL_L2_TOL);
    }

    private static double relativeL2(float[] actual, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    /** The gradient of rank {@code rank}'s first update, at learning rate 0 so the weights do not move. */
    private float[] gradientOf(TrainConfig config, PretrainModel model, CoupledL2Adam adam, int rank) {
        float[][] captured = new float[1][];
        ReplicaSync capture = new ReplicaSync() {
            @Override
            public int rank() {
                return rank;
            }

            @Override
            public int size() {
                return 1;
            }

            @Override
            public boolean any(boolean mine) {
                return mine;
            }

            @Override
            public StepResult average(StepResult local) {
                return local;
            }

            @Override
            public void averageGradients() {
                Path file = dir.resolve("shard-" + rank);
                DataParallelStepCheck.writeGradients(model, file);
                try {
                    captured[0] = readFloats(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        new PretrainStep(config, model, adam, capture).run(DataParallelStepCheck.shard(rank, 0), 0,
                DataParallelStepCheck.locations(rank, 0), DataParallelStepCheck.dropoutSeed(rank, 0));
        return captured[0];
    }

    private static float[] readFloats(Path file) throws java.io.IOException {
        List<Float> values = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            while (true) {
                values.add(in.readFloat());
            }
        } catch (EOFException end) {
            // all read
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
