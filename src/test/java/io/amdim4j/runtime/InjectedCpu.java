package io.amdim4j.runtime;

import java.util.List;
import java.util.Map;

/**
 * Chooses what {@link CpuFacts#detect()} sees, so that a test of {@code auto} gives one result on every
 * CPU: sets {@value CpuFacts#PROPERTY} until closed, and hands the same facts to a child JVM.
 */
public final class InjectedCpu implements AutoCloseable {

    /** A CPU with native bfloat16: {@code auto} is bf16 with channels-last (in software where the real CPU lacks it). */
    public static final CpuFacts BF16 = CpuFacts.of("avx2", "fma", "avx512f", "avx512_bf16");

    /** A CPU without it: {@code auto} is fp32, contiguous. */
    public static final CpuFacts NO_BF16 = CpuFacts.of("avx2", "fma");

    /** Both, for tests that run once per resolution of {@code auto}. */
    public static List<CpuFacts> both() {
        return List.of(BF16, NO_BF16);
    }

    private final String previous;

    private InjectedCpu(CpuFacts facts) {
        previous = System.getProperty(CpuFacts.PROPERTY);
        System.setProperty(CpuFacts.PROPERTY, facts.toString());
    }

    /**
     * Makes {@link CpuFacts#detect()} return {@code facts} in this JVM until {@link #close()}.
     *
     * @param facts the CPU the test runs on, as far as amdim4j can tell
     * @return the scope
     */
    public static InjectedCpu with(CpuFacts facts) {
        return new InjectedCpu(facts);
    }

    /**
     * The environment entry that gives a child JVM the facts this JVM sees (pom.xml injects a CPU
     * without native bf16 into every test JVM; a test may inject another with {@link #with}).
     *
     * @return {@value CpuFacts#VARIABLE} and its value
     */
    public static Map<String, String> environment() {
        return environment(CpuFacts.detect());
    }

    /**
     * The environment entry that gives a child JVM the same facts.
     *
     * @param facts the CPU's facts
     * @return {@value CpuFacts#VARIABLE} and its value
     */
    public static Map<String, String> environment(CpuFacts facts) {
        return Map.of(CpuFacts.VARIABLE, facts.toString());
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(CpuFacts.PROPERTY);
        } else {
            System.setProperty(CpuFacts.PROPERTY, previous);
        }
    }
}
