package io.amdim4j.data;

/**
 * One process's share of an epoch in data-parallel training: global batch k of the shuffled order
 * covers positions {@code [k·P·B, (k+1)·P·B)} of it for P processes of B images each, and process r
 * takes the r-th run of B positions in it. The shares are disjoint, every process gets the same
 * number of batches, and together they train on exactly the images a single process with batch
 * P·B would (the last partial global batch is dropped, spec §7). With one process the share is the
 * whole order.
 *
 * @param rank this process, 0 to {@code processes - 1}
 * @param processes processes training together
 */
public record EpochShard(int rank, int processes) {

    /** The share of a process that trains alone. */
    public static final EpochShard WHOLE = new EpochShard(0, 1);

    public EpochShard {
        if (processes < 1 || rank < 0 || rank >= processes) {
            throw new IllegalArgumentException("rank " + rank + " outside 0.." + (processes - 1) + " of "
                    + processes + " processes");
        }
    }

    /**
     * Positions in this share of an epoch of {@code size} images, batches of {@code batchSize} per process:
     * all of them for a process alone (its loader drops the partial batch), whole batches otherwise.
     */
    public int length(int size, int batchSize) {
        return processes == 1 ? size : size / (processes * batchSize) * batchSize;
    }

    /** This process's dataset indices, in order, out of the epoch's full {@code order}. */
    public int[] of(int[] order, int batchSize) {
        if (processes == 1) {
            return order;
        }
        int globalBatch = processes * batchSize;
        int[] out = new int[length(order.length, batchSize)];
        for (int k = 0; k < out.length / batchSize; k++) {
            System.arraycopy(order, k * globalBatch + rank * batchSize, out, k * batchSize, batchSize);
        }
        return out;
    }
}
