package io.amdim4j.dist;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code MPI_COMM_WORLD} of an MPICH job, through JNA. MPI can be initialised once per process, so
 * {@link #join} refuses a second call; every other method must be called from the thread that joined
 * ({@code MPI_THREAD_FUNNELED}). Errors come back as codes ({@code MPI_ERRORS_RETURN}) and become
 * exceptions naming the call and this rank.
 */
public final class MpiWorld implements ProcessGroup {

    private static final AtomicBoolean JOINED = new AtomicBoolean();

    /** UCX's list of signals to catch; see {@link #keepJvmSignals}. */
    static final String UCX_ERROR_SIGNALS = "UCX_ERROR_SIGNALS";

    private final Mpi mpi;
    private final int rank;
    private final int size;
    /** Reused by {@link #allReduceSum(double[])}: losses are summed once per update. */
    private final ByteBuffer scalars = ByteBuffer.allocateDirect(64 * Double.BYTES).order(ByteOrder.nativeOrder());
    private boolean closed;

    private MpiWorld(Mpi mpi, int rank, int size) {
        this.mpi = mpi;
        this.rank = rank;
        this.size = size;
    }

    /**
     * Loads libmpich and initialises MPI in this process.
     *
     * @param library the MPI library's name or path for JNA ({@link Mpi#LIBRARY} for libmpich.so)
     * @param launcherVariables the MPI variables found, for the message when the library is missing
     * @throws IllegalStateException if libmpich cannot be loaded or MPI fails to start
     */
    static MpiWorld join(String library, String launcherVariables) {
        keepJvmSignals();
        Mpi mpi;
        try {
            mpi = Native.load(library, Mpi.class);
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException(launcherVariables + " say this process is one rank of an MPI job, "
                    + "but the MPI library '" + library + "' cannot be loaded; install MPICH with "
                    + "apt-get install mpich libmpich-dev");
        }
        if (!JOINED.compareAndSet(false, true)) {
            throw new IllegalStateException("MPI was already initialised in this process; it can be only once");
        }
        IntByReference provided = new IntByReference();
        check(mpi.MPI_Init_thread(null, null, Mpi.MPI_THREAD_FUNNELED, provided), "MPI_Init_thread", "?");
        if (provided.getValue() < Mpi.MPI_THREAD_FUNNELED) {
            throw new IllegalStateException("MPI_Init_thread provides thread level " + provided.getValue()
                    + ", below MPI_THREAD_FUNNELED (" + Mpi.MPI_THREAD_FUNNELED + ")");
        }
        check(mpi.MPI_Comm_set_errhandler(Mpi.MPI_COMM_WORLD, Mpi.MPI_ERRORS_RETURN), "MPI_Comm_set_errhandler", "?");
        IntByReference r = new IntByReference();
        IntByReference s = new IntByReference();
        check(mpi.MPI_Comm_rank(Mpi.MPI_COMM_WORLD, r), "MPI_Comm_rank", "?");
        check(mpi.MPI_Comm_size(Mpi.MPI_COMM_WORLD, s), "MPI_Comm_size", "?");
        return new MpiWorld(mpi, r.getValue(), s.getValue());
    }

    /** The C library's {@code setenv}. */
    interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * MPICH's transport (UCX) installs handlers for SIGSEGV and friends that abort the process, but the JVM
     * faults on purpose (safepoint polls, implicit null checks) and handles those signals itself: with
     * UCX's handlers a JVM dies within seconds. An empty {@code UCX_ERROR_SIGNALS} installs none; it must be
     * in the C environment before libmpich (and so libucs) loads. A value the user set is kept.
     */
    private static void keepJvmSignals() {
        Native.load("c", CLibrary.class).setenv(UCX_ERROR_SIGNALS, "", 0);
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void allReduceSum(ByteBuffer floats, int count) {
        requireDirect(floats, (long) count * Float.BYTES);
        check(mpi.MPI_Allreduce(Mpi.MPI_IN_PLACE, Native.getDirectBufferPointer(floats), count, Mpi.MPI_FLOAT,
                Mpi.MPI_SUM, Mpi.MPI_COMM_WORLD), "MPI_Allreduce");
    }

    @Override
    public void allReduceSum(double[] values) {
        ByteBuffer buffer = values.length * Double.BYTES <= scalars.capacity() ? scalars
                : ByteBuffer.allocateDirect(values.length * Double.BYTES).order(ByteOrder.nativeOrder());
        buffer.clear();
        buffer.asDoubleBuffer().put(values);
        check(mpi.MPI_Allreduce(Mpi.MPI_IN_PLACE, Native.getDirectBufferPointer(buffer), values.length,
                Mpi.MPI_DOUBLE, Mpi.MPI_SUM, Mpi.MPI_COMM_WORLD), "MPI_Allreduce");
        buffer.asDoubleBuffer().get(values);
    }

    @Override
    public void broadcast(ByteBuffer bytes, int count) {
        requireDirect(bytes, count);
        check(mpi.MPI_Bcast(Native.getDirectBufferPointer(bytes), count, Mpi.MPI_BYTE, 0, Mpi.MPI_COMM_WORLD),
                "MPI_Bcast");
    }

    @Override
    public void barrier() {
        check(mpi.MPI_Barrier(Mpi.MPI_COMM_WORLD), "MPI_Barrier");
    }

    @Override
    public void abort(int exitCode) {
        mpi.MPI_Abort(Mpi.MPI_COMM_WORLD, exitCode);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            check(mpi.MPI_Finalize(), "MPI_Finalize");
        }
    }

    @Override
    public String toString() {
        return "rank " + rank + " of " + size + " MPI processes";
    }

    private void check(int code, String call) {
        check(code, call, Integer.toString(rank));
    }

    private static void check(int code, String call, String rank) {
        if (code != Mpi.MPI_SUCCESS) {
            throw new IllegalStateException(call + " failed on rank " + rank + " with MPI error code " + code
                    + " (a process of the job may have ended)");
        }
    }

    private static void requireDirect(ByteBuffer buffer, long bytes) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("MPI reads and writes buffers in place: pass a direct ByteBuffer");
        }
        if (bytes > buffer.capacity()) {
            throw new IllegalArgumentException(bytes + " bytes asked for in a buffer of " + buffer.capacity());
        }
    }
}
