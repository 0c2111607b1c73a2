package io.amdim4j.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run directory, across processes and within one. */
class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondLockInTheSameProcessIsRefusedUntilTheFirstIsReleased() throws IOException {
        RunDirectory run = new RunDirectory(dir);
        long self = ProcessHandle.current().pid();
        try (RunLock first = RunLock.acquire(run)) {
            assertThat(Files.readString(run.lock()).trim()).isEqualTo(Long.toString(self));
            assertThatThrownBy(() -> RunLock.acquire(run))
                    .hasMessageContaining(dir.toString()).hasMessageContaining("pid " + self);
        }
        RunLock.acquire(run).close();
    }

    @Test
    void aLockHeldByAnotherProcessNamesItsPidAndEndsWithIt() throws Exception {
        refusedNamingThePidOf(RunLockHolder.class.getName(), dir.toString());
        RunLock.acquire(new RunDirectory(dir)).close();
    }

    /** A start that looks between the holder's lock and its pid write waits for the pid instead of saying none. */
    @Test
    void theHoldersPidIsNamedEvenWhenItIsWrittenJustAfterTheLock() throws Exception {
        refusedNamingThePidOf(SlowPidLockHolder.class.getName(), dir.toString(), "300");
    }

    /** Starts a child that locks {@code dir}, and checks a lock taken here is refused naming the child's pid. */
    private void refusedNamingThePidOf(String holder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), holder));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked " + child.pid());
            assertThatThrownBy(() -> RunLock.acquire(new RunDirectory(dir)))
                    .hasMessageContaining(dir.toString()).hasMessageContaining("pid " + child.pid());
        } finally {
            child.destroyForcibly(); // SIGKILL: the OS, not the holder, releases the lock
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aMissingDirectoryIsNotARun() {
        assertThatThrownBy(() -> RunLock.acquire(new RunDirectory(dir.resolve("absent"))))
                .hasMessageContaining("absent").hasMessageContaining("no such directory");
    }
}
