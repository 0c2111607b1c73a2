package io.amdim4j.preflight;

import io.amdim4j.runtime.PrecisionConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Test-only: makes the preflight's child JVM die by a real signal (or fail with an exception) in
 * chosen combinations, so the fallback, the refusal and the cache can be tested on any CPU. Set by
 * the system property {@value Preflight#TEST_CRASH_PROPERTY} or the environment variable
 * {@value Preflight#TEST_CRASH_ENV}, e.g. {@code bf16/channels_last:SIGSEGV,bf16/contiguous:fail}. Not
 * for users: the JVM of a child that raises a signal on itself writes a crash report, as a native bug would.
 *
 * @param rules what happens to each {@code precision/memory_format}: a signal name or {@code fail}
 */
record PreflightTestCrash(Map<String, String> rules) {

    /** The rule that makes the child throw instead of dying by a signal. */
    static final String FAIL = "fail";

    /** No crash anywhere. */
    static final PreflightTestCrash NONE = new PreflightTestCrash(Map.of());

    /** Copies the rules. */
    PreflightTestCrash {
        rules = Collections.unmodifiableMap(new TreeMap<>(rules)); // one spelling of the same rules in the cache key
    }

    /**
     * Reads the switch's value.
     *
     * @param spec {@code precision/memory_format:SIGNAL|fail}, comma-separated; blank or {@code null} for none
     * @return the rules
     * @throws IllegalArgumentException naming the switch and the bad entry
     */
    static PreflightTestCrash parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, String> rules = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException(Preflight.TEST_CRASH_PROPERTY + ": '" + entry
                        + "' is not precision/memory_format:SIGNAL (or :fail)");
            }
            String what = entry.substring(colon + 1).trim();
            if (!what.equalsIgnoreCase(FAIL)) {
                Signal.parse(what); // refuses an unknown name in the parent, before any child starts
            }
            rules.put(entry.substring(0, colon).trim(), what);
        }
        return new PreflightTestCrash(rules);
    }

    /**
     * What the child of {@code precision} is to do.
     *
     * @param precision the child's precision and memory format
     * @return a signal name or {@link #FAIL}; empty to run normally
     */
    Optional<String> ruleFor(PrecisionConfig precision) {
        return Optional.ofNullable(rules.get(precision.precision() + "/" + precision.memoryFormat()));
    }

    /** The switch's value, for the child's command line and the cache key. */
    String spec() {
        StringBuilder s = new StringBuilder();
        rules.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append(':').append(v));
        return s.toString();
    }
}
