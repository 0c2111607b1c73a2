package io.amdim4j.dist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Rank 0 of a pretend two-process group: the other process contributes {@link #OTHER} to every float it
 * sums and sends {@link #otherBytes} where rank 0 is not the sender; each all-reduce's length and each
 * barrier are counted.
 */
public final class TwoRankFake implements ProcessGroup {

    static final float OTHER = 10f;

    private final int rank;
    /** Floats summed by each all-reduce, in order. */
    public final List<Integer> floatsPerCall = new ArrayList<>();
    /** Barriers passed. */
    public int barriers;
    /** What the other process holds for a broadcast or a digest comparison. */
    byte[] otherBytes = new byte[0];
    /** What the other process adds to a scalar all-reduce, per index. */
    double[] otherScalars = new double[0];

    public TwoRankFake(int rank) {
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public void allReduceSum(ByteBuffer floats, int count) {
        floatsPerCall.add(count);
        var f = floats.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < count; i++) {
            f.put(i, f.get(i) + OTHER);
        }
    }

    @Override
    public void allReduceSum(double[] values) {
        for (int i = 0; i < values.length && i < otherScalars.length; i++) {
            values[i] += otherScalars[i];
        }
    }

    @Override
    public void broadcast(ByteBuffer bytes, int count) {
        if (rank != 0) {
            bytes.put(0, otherBytes, 0, count);
        }
    }

    @Override
    public byte[] broadcast(byte[] fromLeader) {
        return rank == 0 ? fromLeader.clone() : otherBytes.clone();
    }

    @Override
    public void barrier() {
        barriers++;
    }

    @Override
    public void abort(int exitCode) {
    }

    @Override
    public void close() {
    }
}
