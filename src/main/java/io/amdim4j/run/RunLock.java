package io.amdim4j.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of a run directory: an exclusive OS lock on {@code RUN_DIR/.lock}, which holds the
 * holder's pid, for as long as a pre-training process writes checkpoints and metrics. The OS drops the
 * lock when the holder dies (even by SIGKILL), so a killed run never needs cleaning up. The file itself
 * stays: deleting it on release would let a waiting process lock the deleted file while a third locks
 * a new one. Readers (eval, embed, report) take no lock.
 */
public final class RunLock implements AutoCloseable {

    /**
     * Lock files this JVM holds. OS file locks belong to the process, so a second {@code tryLock} here
     * would only throw {@link java.nio.channels.OverlappingFileLockException}, and on POSIX closing the
     * second channel would silently drop the first one's lock; this set answers before any channel opens.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    /** How long a refused start waits for the holder's pid (written microseconds after its lock on an idle machine). */
    private static final long PID_WAIT_MILLIS = 5_000;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks an existing run directory for writing.
     *
     * @throws IOException if the directory is missing, or another process (or this one) holds the lock;
     *     the message names the directory and the holder's pid
     */
    public static RunLock acquire(RunDirectory run) throws IOException {
        if (!Files.isDirectory(run.root())) {
            throw new IOException(run.root() + " is not a run directory (no such directory)");
        }
        Path file = run.lock().toAbsolutePath().normalize();
        long self = ProcessHandle.current().pid();
        if (!HELD_HERE.add(file)) {
            throw locked(run, "this process, pid " + self);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw locked(run, holderOf(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new RunLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** Releases the lock; the file stays (see the class comment). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(file);
        }
    }

    private static IOException locked(RunDirectory run, String holder) {
        return new IOException(run.root() + " is in use by another pretrain (" + holder
                + "); only one process may write a run at a time");
    }

    /**
     * The pid the holder wrote; readable because the lock is advisory. The holder writes it just after
     * taking the lock, so a start that looks in between finds the file empty: it waits for the pid,
     * at most {@link #PID_WAIT_MILLIS}.
     */
    private static String holderOf(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + PID_WAIT_MILLIS * 1_000_000L;
        while (true) {
            ByteBuffer buf = ByteBuffer.allocate(32);
            channel.read(buf, 0);
            String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            if (!pid.isEmpty()) {
                return "pid " + pid;
            }
            if (System.nanoTime() > deadline) {
                return "pid not written";
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "pid not written";
            }
        }
    }
}
