package io.amdim4j.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.time.Duration;

/**
 * Another busy program on the machine, reproduced: a thread that spins on arithmetic, pinned to
 * the last CPU where Linux allows it, until closed.
 *
 * <p>On a 2-core machine one such neighbour made a pre-training update 3–4x slower than idle
 * (issue 13): OpenMP's worker threads wait for each other by spinning, and the one that shares its
 * core with the neighbour holds the others up at every parallel region. The thread is a daemon and
 * stops by itself after {@code limit}, so a failed benchmark can never leave it running.
 */
final class BusyNeighbour implements AutoCloseable {

    private final Thread thread;
    private volatile boolean stop;
    /** Published so the spin loop cannot be optimised away. */
    private volatile double sink;

    private BusyNeighbour(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        thread = new Thread(() -> spin(deadline), "busy-neighbour");
        thread.setDaemon(true);
    }

    /**
     * Starts the neighbour.
     *
     * @param limit the longest it may run if never closed
     * @return the running neighbour
     */
    public static BusyNeighbour start(Duration limit) {
        BusyNeighbour n = new BusyNeighbour(limit);
        n.thread.start();
        return n;
    }

    /** Whether the spinning thread is alive. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops the thread and waits for it to end. */
    @Override
    public void close() {
        stop = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void spin(long deadline) {
        pinToLastCpu(); // where that fails the scheduler places the thread: still one busy core
        double x = 1;
        while (!stop && System.nanoTime() < deadline) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 1.000_000_1 + 1e-9;
            }
            sink = x;
        }
    }

    /** {@code sched_setaffinity} of glibc; pid 0 is the calling thread. */
    interface Affinity extends Library {
        int sched_setaffinity(int pid, long cpuSetSize, long[] mask);
    }

    private static void pinToLastCpu() {
        int cpu = Runtime.getRuntime().availableProcessors() - 1;
        if (!Platform.isLinux() || cpu >= Long.SIZE) {
            return;
        }
        try {
            Native.load("c", Affinity.class).sched_setaffinity(0, Long.BYTES, new long[] {1L << cpu});
        } catch (UnsatisfiedLinkError e) {
            // no libc through JNA: the thread stays unpinned
        }
    }
}
