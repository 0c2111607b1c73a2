package io.amdim4j.dist;

import java.nio.ByteBuffer;

/** A group of one: every collective leaves its data as it is, and no MPI library is loaded. */
public final class SingleProcess implements ProcessGroup {

    /** The group of a process started without an MPI launcher. */
    public static final SingleProcess INSTANCE = new SingleProcess();

    private SingleProcess() {
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public void allReduceSum(ByteBuffer floats, int count) {
        // the sum over one process is its own value
    }

    @Override
    public void allReduceSum(double[] values) {
        // the sum over one process is its own value
    }

    @Override
    public void broadcast(ByteBuffer bytes, int count) {
        // rank 0 already holds rank 0's data
    }

    @Override
    public void barrier() {
        // nobody to wait for
    }

    @Override
    public void abort(int exitCode) {
        // no other process waits for this one
    }

    @Override
    public void close() {
        // nothing was opened
    }

    @Override
    public String toString() {
        return "a single process";
    }
}
