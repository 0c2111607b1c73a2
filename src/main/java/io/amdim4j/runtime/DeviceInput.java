package io.amdim4j.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Where a host batch ({@link Host}; the loader's {@code pipeline.HostBatch}) becomes engine arrays:
 * every training, test, evaluation and embedding
 * step copies its views and labels through here, into its own step manager. The arrays land on
 * that manager's device, which {@link ComputeDevice#newBaseManager()} chose for the command's root
 * manager, so a step's inputs sit beside the model's parameters and everything computed from
 * them stays there.
 */
public final class DeviceInput {

    private DeviceInput() {}

    /** A minibatch in host memory, as the loader threads assemble it. */
    public interface Host {
        /** Epoch the batch belongs to. */
        int epoch();

        /** Position of the batch within its epoch. */
        int batchIndex();

        /** One flat {@code N*C*H*W} array per view. */
        float[][] views();

        /** Shape of one view as {N, C, H, W}. */
        long[] viewShape();

        /** N labels, {@code -1} for unlabelled images. */
        int[] labels();
    }

    /**
     * One view of a batch as an N×C×H×W engine array.
     *
     * @param batch host batch
     * @param view index of the view (0 for test batches, 0 or 1 for training pairs)
     * @param step owner of the array, on the model's device
     * @param format memory layout of the array
     * @return the array
     * @throws IllegalArgumentException if the batch has no such view
     */
    public static NDArray view(Host batch, int view, NDManager step, MemoryFormat format) {
        if (view < 0 || view >= batch.views().length) {
            throw new IllegalArgumentException("batch " + batch.batchIndex() + " of epoch " + batch.epoch()
                    + " has " + batch.views().length + " view(s), not a view " + view);
        }
        return format.input(step, batch.views()[view], new Shape(batch.viewShape()));
    }

    /**
     * The batch's N labels ({@code -1} for unlabelled images) as an int32 engine array.
     *
     * @param batch host batch
     * @param step owner of the array, on the model's device
     * @return the array
     */
    public static NDArray labels(Host batch, NDManager step) {
        return step.create(batch.labels());
    }

    /**
     * The labels of both views of a training pair, view 1's N then view 2's N, matching the rows of
     * the two views' features concatenated.
     *
     * @param batch host batch of two views
     * @param step owner of the array, on the model's device
     * @return a 2N int32 array
     */
    public static NDArray labelsOfBothViews(Host batch, NDManager step) {
        int[] labels = batch.labels();
        int[] both = new int[labels.length * 2];
        System.arraycopy(labels, 0, both, 0, labels.length);
        System.arraycopy(labels, 0, both, labels.length, labels.length);
        return step.create(both);
    }
}
