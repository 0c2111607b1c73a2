package io.amdim4j.preflight;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The POSIX signals a crashed child JVM reports, by their Linux numbers. */
enum Signal {
    SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGILL(4), SIGTRAP(5), SIGABRT(6), SIGBUS(7), SIGFPE(8), SIGKILL(9),
    SIGUSR1(10), SIGSEGV(11), SIGUSR2(12), SIGPIPE(13), SIGALRM(14), SIGTERM(15);

    /** Added to the signal's number in the exit status of a process it ended (the shell's convention, and Java's). */
    static final int EXIT_BASE = 128;

    final int number;

    Signal(int number) {
        this.number = number;
    }

    /**
     * The signal of a name, with or without its {@code SIG} prefix.
     *
     * @param name e.g. {@code SIGSEGV}, {@code segv}
     * @return the signal
     * @throws IllegalArgumentException naming the accepted signals
     */
    static Signal parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        String full = n.startsWith("SIG") ? n : "SIG" + n;
        return Arrays.stream(values()).filter(s -> s.name().equals(full)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a signal; give one of "
                        + Arrays.toString(values())));
    }

    /**
     * The signal that ended a process, from its exit status.
     *
     * @param exitStatus {@code Process.exitValue()}
     * @return the signal when the status is 128 plus a known signal's number
     */
    static Optional<Signal> ofExitStatus(int exitStatus) {
        return Arrays.stream(values()).filter(s -> s.number + EXIT_BASE == exitStatus).findFirst();
    }
}
