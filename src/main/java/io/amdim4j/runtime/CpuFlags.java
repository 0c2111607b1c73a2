package io.amdim4j.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The CPU feature flags Linux lists in {@code /proc/cpuinfo}, which decide {@code --precision auto}. */
public final class CpuFlags {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuFlags() {}

    /**
     * The flags of this machine's first CPU.
     *
     * @return the flags; empty where {@code /proc/cpuinfo} does not exist or cannot be read
     */
    public static Set<String> read() {
        if (!Files.isReadable(CPUINFO)) {
            return Set.of();
        }
        try {
            return parse(Files.readAllLines(CPUINFO));
        } catch (IOException e) {
            return Set.of(); // no flags known: auto falls back to fp32
        }
    }

    /**
     * The flags of the first {@code flags : …} line of a cpuinfo listing.
     *
     * @param cpuinfo its lines
     * @return the flags
     */
    static Set<String> parse(List<String> cpuinfo) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
                return Arrays.stream(line.substring(colon + 1).trim().split("\\s+"))
                        .filter(f -> !f.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
            }
        }
        return Set.of();
    }
}
