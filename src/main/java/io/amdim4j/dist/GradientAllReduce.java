package io.amdim4j.dist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Averages gradients over the processes of a group, as data-parallel SGD needs (each process computed
 * its gradient on its own shard of the batch). The gradients, taken one after another as one long
 * vector, are copied into a fixed bucket, summed across processes in place, scaled by 1/size and
 * copied back: one all-reduce per bucket rather than one per parameter, so the many small tensors
 * (biases, batch-norm scales) do not each pay the network's latency.
 */
public final class GradientAllReduce {

    /**
     * Floats per bucket (4 MiB): large enough that a call's fixed latency is small beside its transfer, small
     * enough to stay a modest fixed allocation (PyTorch DDP's buckets default to 25 MiB).
     */
    public static final int BUCKET_FLOATS = 1 << 20;

    private final ProcessGroup group;
    private final ByteBuffer bucket;
    private final FloatBuffer bucketFloats;
    private final List<Segment> pending = new ArrayList<>();
    private int filled;

    /** A piece of one gradient that sits in the bucket at {@code at}. */
    private record Segment(FloatBuffer gradient, int offset, int length, int at) {}

    /**
     * @param group the processes to average over
     * @param bucketFloats floats summed per all-reduce call
     */
    public GradientAllReduce(ProcessGroup group, int bucketFloats) {
        if (bucketFloats < 1) {
            throw new IllegalArgumentException("bucket must hold at least one float, got " + bucketFloats);
        }
        this.group = group;
        this.bucket = ByteBuffer.allocateDirect(bucketFloats * Float.BYTES).order(ByteOrder.nativeOrder());
        this.bucketFloats = bucket.asFloatBuffer();
    }

    public GradientAllReduce(ProcessGroup group) {
        this(group, BUCKET_FLOATS);
    }

    /**
     * Replaces every float of every buffer by its mean over the group, in place.
     *
     * @param gradients float32 buffers in native byte order (all their bytes from 0 to the limit), in the
     *     same order and of the same sizes on every process
     */
    public void average(List<ByteBuffer> gradients) {
        if (group.size() == 1) {
            return;
        }
        for (ByteBuffer g : gradients) {
            FloatBuffer floats = g.duplicate().order(ByteOrder.nativeOrder()).clear().asFloatBuffer();
            int offset = 0;
            while (offset < floats.capacity()) {
                int n = Math.min(floats.capacity() - offset, bucketFloats.capacity() - filled);
                bucketFloats.put(filled, floats, offset, n);
                pending.add(new Segment(floats, offset, n, filled));
                filled += n;
                offset += n;
                if (filled == bucketFloats.capacity()) {
                    flush();
                }
            }
        }
        flush();
    }

    private void flush() {
        if (filled == 0) {
            return;
        }
        group.allReduceSum(bucket, filled);
        float scale = 1f / group.size();
        for (int i = 0; i < filled; i++) {
            bucketFloats.put(i, bucketFloats.get(i) * scale);
        }
        for (Segment s : pending) {
            s.gradient().put(s.offset(), bucketFloats, s.at(), s.length());
        }
        pending.clear();
        filled = 0;
    }
}
