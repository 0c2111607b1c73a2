package io.amdim4j.run;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process for {@link RunLockTest}: locks {@code args[0]/.lock} the way {@link RunLock} does, says
 * so, and only then, {@code args[1]} ms later, writes its pid: the window in which a second start once
 * read an empty file. Holds the lock until stdin ends.
 */
public final class SlowPidLockHolder {

    private SlowPidLockHolder() {}

    public static void main(String[] args) throws Exception {
        Path file = new RunDirectory(Path.of(args[0])).lock();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); var lock = channel.lock()) {
            channel.truncate(0);
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin or kills us
            }
        }
    }
}
