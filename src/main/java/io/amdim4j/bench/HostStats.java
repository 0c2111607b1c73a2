package io.amdim4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Linux process and machine figures for benchmark reports, read from {@code /proc}; empty where the
 * files do not exist (another OS), so a report says "unknown" rather than a wrong number.
 */
public final class HostStats {

    private static final Path SELF_STATUS = Path.of("/proc/self/status");
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");
    /** The status file reports memory in kB (kibibytes). */
    private static final double KIB_PER_MIB = 1024.0;
    /** The high-water mark of the resident set: peak RSS. */
    static final String PEAK_RSS_KEY = "VmHWM";

    private HostStats() {
    }

    /** Peak resident memory of this process in MiB (VmHWM), if known. */
    public static OptionalDouble peakResidentMb() {
        Optional<String> status = read(SELF_STATUS);
        OptionalDouble kb = status.isPresent() ? statusKilobytes(status.get(), PEAK_RSS_KEY) : OptionalDouble.empty();
        return kb.isPresent() ? OptionalDouble.of(kb.getAsDouble() / KIB_PER_MIB) : OptionalDouble.empty();
    }

    /** The machine's one-minute load average, if known. */
    public static OptionalDouble loadAverage() {
        return read(LOAD_AVERAGE).map(HostStats::firstNumber).orElse(OptionalDouble.empty());
    }

    /** The value in kB of a {@code Key:   1234 kB} line of a {@code /proc/<pid>/status} text. */
    static OptionalDouble statusKilobytes(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
                return OptionalDouble.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalDouble.empty();
    }

    static OptionalDouble firstNumber(String text) {
        String[] parts = text.trim().split("\\s+");
        return parts.length == 0 || parts[0].isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(parts[0]));
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a report figure, not worth failing a benchmark over
        }
    }
}
