package io.amdim4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import io.amdim4j.dist.GradientAllReduce;
import io.amdim4j.dist.JobWideException;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.dist.ReplicaAgreement;
import io.amdim4j.loss.LossTerm;
import io.amdim4j.loss.LossValues;
import io.amdim4j.run.RunJson;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Synchronous data-parallel pre-training over a {@link ProcessGroup}, as PyTorch DDP and Horovod do it:
 * rank 0's parameters are copied to every process before the first update, every update averages the
 * gradients before Adam, so all replicas stay identical, and a SHA-256 of the trainable parameters is
 * compared across processes every {@link #CHECK_EVERY} updates and at the end of the run to prove it.
 * Each replica computes the NCE loss on its own batch (negatives stay local, as in the reference's
 * multi-GPU mode).
 *
 * <p>Batch-norm running statistics are not averaged: training-mode passes do not read them, and the
 * per-epoch test and the checkpoints use rank 0's.
 */
public final class DataParallel implements ReplicaSync {

    /** Updates between two comparisons of the replicas' parameters. */
    public static final int CHECK_EVERY = 100;

    private final ProcessGroup group;
    private final PretrainModel model;
    private final GradientAllReduce allReduce;

    public DataParallel(ProcessGroup group, PretrainModel model) {
        this.group = group;
        this.model = model;
        this.allReduce = new GradientAllReduce(group);
    }

    /**
     * Stops every process, before anything is written, if any disagrees with rank 0 on the
     * configuration (the digest of its config.json form).
     */
    public static void requireSameConfiguration(ProcessGroup group, TrainConfig config) {
        if (group.size() == 1) {
            return;
        }
        byte[] json;
        try {
            json = RunJson.mapper().writeValueAsBytes(config);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the configuration: " + e.getMessage(), e);
        }
        List<Integer> differ = ReplicaAgreement.disagreeing(group, sha256(List.of(ByteBuffer.wrap(json))));
        if (!differ.isEmpty()) {
            throw new JobWideException("rank(s) " + differ + " of " + group.size() + " were started with "
                    + "another configuration than rank 0 (options, dataset or seed differ); start every rank with "
                    + "the same command line");
        }
    }

    /** Copies rank 0's parameters, batch-norm statistics included, into every other process. */
    public void broadcastParameters() {
        for (Parameter p : model.parameters().values()) {
            ByteBuffer own = p.getArray().toByteBuffer(true); // the parameter's own memory
            group.broadcast(own, own.capacity());
        }
    }

    @Override
    public StepResult average(StepResult local) {
        LossValues losses = local.losses();
        List<LossTerm> terms = new ArrayList<>(losses.terms().keySet());
        double[] sums = new double[terms.size() + 5];
        sums[0] = losses.total();
        for (int i = 0; i < terms.size(); i++) {
            sums[1 + i] = losses.get(terms.get(i));
        }
        // a probe's accuracy is NaN on a batch without labels: average over the replicas that measured one
        int acc = terms.size() + 1;
        putAccuracy(sums, acc, local.accMlp());
        putAccuracy(sums, acc + 2, local.accLinear());
        group.allReduceSum(sums);
        int n = group.size();
        Map<LossTerm, Double> mean = new EnumMap<>(LossTerm.class);
        for (int i = 0; i < terms.size(); i++) {
            mean.put(terms.get(i), sums[1 + i] / n);
        }
        return new StepResult(new LossValues(sums[0] / n, mean), sums[acc] / sums[acc + 1],
                sums[acc + 2] / sums[acc + 3]);
    }

    @Override
    public void averageGradients() {
        List<NDArray> wrappers = new ArrayList<>();
        try {
            List<ByteBuffer> gradients = new ArrayList<>();
            for (Parameter p : model.trainableParameters().values()) {
                NDArray g = p.getArray().getGradient(); // a new wrapper of the gradient on every call
                wrappers.add(g);
                gradients.add(g.toByteBuffer(true)); // the gradient's own memory, written in place
            }
            allReduce.average(gradients);
        } finally {
            wrappers.forEach(NDArray::close);
        }
    }

    /**
     * Stops every process if any replica's trainable parameters differ from rank 0's.
     *
     * @param step the update just done, for the message
     */
    public void requireIdenticalParameters(long step) {
        List<ByteBuffer> weights = new ArrayList<>();
        for (Parameter p : model.trainableParameters().values()) {
            weights.add(p.getArray().toByteBuffer(true));
        }
        List<Integer> differ = ReplicaAgreement.disagreeing(group, sha256(weights));
        if (!differ.isEmpty()) {
            throw new JobWideException("after update " + step + " the parameters of rank(s) " + differ
                    + " differ from rank 0's: the replicas no longer train one model");
        }
    }

    /** Compares the replicas' parameters every {@code every} updates and when the run stops. */
    public PretrainListener checkEvery(int every) {
        return new PretrainListener() {
            @Override
            public void onStep(TrainingCursor cursor, StepResult result, double lr, double pairsPerSecond) {
                if (cursor.step() % every == 0) {
                    requireIdenticalParameters(cursor.step());
                }
            }

            @Override
            public void onStop(TrainingCursor cursor) {
                requireIdenticalParameters(cursor.step());
            }
        };
    }

    private static void putAccuracy(double[] sums, int at, double accuracy) {
        boolean measured = !Double.isNaN(accuracy);
        sums[at] = measured ? accuracy : 0;
        sums[at + 1] = measured ? 1 : 0;
    }

    private static byte[] sha256(List<ByteBuffer> buffers) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            buffers.forEach(b -> md.update(b.duplicate().clear()));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
