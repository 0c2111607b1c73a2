package io.amdim4j.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What this machine's CPU offers the engine, detected once per resolution: its feature flags, which
 * decide {@code --precision auto}.
 *
 * <p>{@link #detect()} is the one place the flags are read. The system property {@value #PROPERTY}, or
 * else the environment variable {@value #VARIABLE}, replaces {@code /proc/cpuinfo} with a given list
 * (blank- or comma-separated; empty for none): tests choose what {@code auto} sees, on any CPU, and a
 * child JVM a test starts sees the same. PyTorch's CPU autocast computes bfloat16 in software where the
 * CPU lacks it, so a run that injects {@code avx512_bf16} on such a CPU is slow but correct.
 *
 * @param flags the CPU's feature flags, as {@code /proc/cpuinfo} names them
 */
public record CpuFacts(Set<String> flags) {

    /** System property that replaces the detected flags. */
    public static final String PROPERTY = "amdim.cpuFlags";

    /** Environment variable that replaces the detected flags when the property is not set. */
    public static final String VARIABLE = "AMDIM_CPU_FLAGS";

    /** {@code /proc/cpuinfo} flags of native bfloat16 arithmetic (AVX-512 BF16, AMX). */
    public static final List<String> BF16_FLAGS = List.of("avx512_bf16", "amx_bf16");

    /**
     * Keeps its own copy of the flags.
     *
     * @param flags the CPU's feature flags
     */
    public CpuFacts {
        flags = Set.copyOf(flags);
    }

    /**
     * Facts with exactly these flags.
     *
     * @param flags the flags
     * @return the facts
     */
    public static CpuFacts of(String... flags) {
        return new CpuFacts(Set.of(flags));
    }

    /**
     * The flags of this machine, or the injected ones.
     *
     * @return {@value #PROPERTY} if set, else {@value #VARIABLE} if set, else {@code /proc/cpuinfo}'s flags
     *     (none where it cannot be read)
     */
    public static CpuFacts detect() {
        return detect(System.getProperty(PROPERTY), System.getenv(VARIABLE));
    }

    static CpuFacts detect(String property, String variable) {
        String injected = property != null ? property : variable;
        return injected != null ? parse(injected) : new CpuFacts(CpuFlags.read());
    }

    /**
     * Facts from a list of flags, the form {@value #PROPERTY} and {@value #VARIABLE} take.
     *
     * @param list flags separated by blanks or commas; empty for none
     * @return the facts
     */
    public static CpuFacts parse(String list) {
        return new CpuFacts(Arrays.stream(list.trim().split("[\\s,]+")).filter(f -> !f.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Whether the CPU has native bfloat16 arithmetic.
     *
     * @return whether one of {@link #BF16_FLAGS} is present
     */
    public boolean nativeBf16() {
        return BF16_FLAGS.stream().anyMatch(flags::contains);
    }

    /** The flags in the form {@link #parse} reads, sorted: to hand these facts to a child process. */
    @Override
    public String toString() {
        return flags.stream().sorted().collect(Collectors.joining(" "));
    }
}
