package io.amdim4j.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * What the preflight ({@code preflight.Preflight}) found before a run committed to its precision and
 * memory format, as recorded in {@code config.json} and in the benchmark JSON. Plain data, kept here
 * because {@link ConfigJson} carries it and {@code run} imports no other amdim4j package.
 *
 * @param status how the combination that runs was proven: {@code proven} (a child JVM ran one forward
 *     and backward just now), {@code cached} (an earlier proof on this machine) or {@code skipped}
 *     (the preflight was switched off)
 * @param ran the precision and memory format that run, e.g. {@code bf16 contiguous}
 * @param fellBackFrom the combinations tried before it that crashed or failed, in order; empty when
 *     the first one tried runs
 * @param reason why each of those was given up, one line (signal, failing frame or primitive, where
 *     the crash report is); {@code null} (and left out) when nothing fell back
 */
public record PreflightVerdict(String status, String ran,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> fellBackFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    /** Checks that the status and combination are there and copies the list. */
    public PreflightVerdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ran, "ran");
        fellBackFrom = fellBackFrom == null ? List.of() : List.copyOf(fellBackFrom);
    }

    /**
     * Whether the run uses another combination than the first one tried.
     *
     * @return {@code true} after a fallback
     */
    public boolean fellBack() {
        return !fellBackFrom.isEmpty();
    }
}
