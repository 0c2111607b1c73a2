package io.amdim4j.preflight;

import ai.djl.engine.Engine;
import io.amdim4j.runtime.CpuFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts of this machine a proof holds for: the engine's version and the CPU's model and flags.
 * A new engine or another CPU (a moved home directory, a migrated virtual machine) proves again.
 *
 * @param engine the engine's name and version, e.g. {@code PyTorch 2.7.1}, with DJL's version
 * @param cpuModel the {@code model name} of {@code /proc/cpuinfo}; {@code unknown} where it is missing
 * @param cpuFlags the CPU's feature flags
 */
public record PreflightMachine(String engine, String cpuModel, Set<String> cpuFlags) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** Checks that nothing is missing and keeps the flags sorted. */
    public PreflightMachine {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(cpuModel, "cpuModel");
        cpuFlags = Set.copyOf(new TreeSet<>(cpuFlags));
    }

    /**
     * This machine; loads the engine to ask its version.
     *
     * @return the engine and the first CPU's model and flags
     */
    public static PreflightMachine current() {
        Engine e = Engine.getInstance();
        return new PreflightMachine("DJL " + Engine.getDjlVersion() + ", " + e.getEngineName() + " " + e.getVersion(),
                readCpuModel(), CpuFacts.detect().flags());
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(CPUINFO).stream()
                    .filter(l -> l.startsWith("model name") && l.indexOf(':') > 0)
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown"; // no /proc/cpuinfo (not Linux): the flags, also empty, then key on the engine alone
        }
    }

    /** The canonical text of these facts (part of the cache key). */
    String canonical() {
        return "engine=" + engine + "\ncpu_model=" + cpuModel + "\ncpu_flags=" + String.join(" ", new TreeSet<>(cpuFlags))
                + "\n";
    }
}
