package io.amdim4j.pipeline;

import io.amdim4j.runtime.DeviceInput;

/**
 * One minibatch in host memory, as the loader threads assemble it: each view is a flat NCHW
 * float array ready to be copied into one engine array on the training thread (NDManagers are
 * not shared with loader threads).
 *
 * @param epoch epoch the batch belongs to
 * @param batchIndex position of the batch within its epoch (the resume cursor)
 * @param views one flat {@code N*C*H*W} array per view
 * @param channels C of every view
 * @param height H of every view
 * @param width W of every view
 * @param labels N labels, {@code -1} for unlabelled images
 * @param indices N dataset indices, for tracing a batch back to its files
 */
public record HostBatch(
        int epoch, int batchIndex, float[][] views, int channels, int height, int width, int[] labels, int[] indices)
        implements DeviceInput.Host {

    /** Number of images N. */
    public int size() {
        return labels.length;
    }

    /** Shape of one view as {N, C, H, W}. */
    @Override
    public long[] viewShape() {
        return new long[] {size(), channels, height, width};
    }
}
