package io.amdim4j.run;

import java.util.List;
import java.util.Optional;

/**
 * Everything one method (an encoder or a baseline) scored.
 *
 * @param method e.g. "amdim", "random-init", "pixels"
 * @param featureSet feature set name
 * @param trainCount labelled training rows available (before any label fraction)
 * @param testCount test rows, each scored once
 * @param numClasses number of classes
 * @param results one per protocol and label fraction
 * @param seconds wall time of the probes (feature extraction excluded)
 */
public record EvalReport(String method, String featureSet, int trainCount, int testCount, int numClasses,
        List<EvalResult> results, double seconds) {

    /** Copies the list. */
    public EvalReport {
        results = List.copyOf(results);
    }

    /**
     * The result of one protocol at one label fraction.
     *
     * @param protocol protocol name
     * @param labelFraction label fraction
     * @return the result, if evaluated
     */
    public Optional<EvalResult> result(String protocol, double labelFraction) {
        return results.stream()
                .filter(r -> r.protocol().equals(protocol) && r.labelFraction() == labelFraction)
                .findFirst();
    }
}
