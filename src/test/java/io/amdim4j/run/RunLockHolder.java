package io.amdim4j.run;

import java.nio.file.Path;

/** A child process for {@link RunLockTest}: locks the run directory in args[0], says so, and holds it until stdin ends. */
public final class RunLockHolder {

    private RunLockHolder() {}

    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(new RunDirectory(Path.of(args[0])))) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin or kills us
            }
        }
    }
}
