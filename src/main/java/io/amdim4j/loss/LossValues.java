package io.amdim4j.loss;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss of one update as plain numbers: the total and every term in declaration order, what
 * listeners and logs receive instead of engine arrays.
 */
public final class LossValues {

    /** Key of the total in {@code metrics.jsonl}, beside the terms' own keys. */
    public static final String TOTAL_KEY = "loss";

    private final double total;
    private final Map<LossTerm, Double> terms;

    /**
     * Keeps a copy of the terms, in declaration order.
     *
     * @param total the backpropagated loss, as computed in the graph
     * @param terms every term's value
     */
    public LossValues(double total, Map<LossTerm, Double> terms) {
        this.total = total;
        Map<LossTerm, Double> copy = new EnumMap<>(LossTerm.class);
        copy.putAll(terms);
        this.terms = Collections.unmodifiableMap(copy);
    }

    /**
     * The backpropagated loss, which may differ from the sum of the terms in the last bits (the
     * graph sums in float32).
     *
     * @return the total
     */
    public double total() {
        return total;
    }

    /**
     * The terms in declaration order.
     *
     * @return an unmodifiable map from term to value
     */
    public Map<LossTerm, Double> terms() {
        return terms;
    }

    /**
     * One term's value; an error naming it if it was not computed.
     *
     * @param term the term
     * @return its value
     * @throws IllegalArgumentException if the term was not measured in this update
     */
    public double get(LossTerm term) {
        Double v = terms.get(term);
        if (v == null) {
            throw new IllegalArgumentException("no loss term " + term.key() + " was measured; there are " + terms.keySet());
        }
        return v;
    }

    /**
     * The terms keyed as in {@code metrics.jsonl}, in declaration order (the total not included).
     *
     * @return a new map from {@link LossTerm#key()} to value
     */
    public Map<String, Double> byKey() {
        Map<String, Double> out = new LinkedHashMap<>();
        terms.forEach((term, v) -> out.put(term.key(), v));
        return out;
    }

    /**
     * False if the total or any term is NaN or infinite.
     *
     * @return whether every value is finite
     */
    public boolean isFinite() {
        return Double.isFinite(total) && nonFinite().isEmpty();
    }

    /**
     * The terms that are NaN or infinite, in declaration order.
     *
     * @return the non-finite terms; empty when all are finite
     */
    public List<LossTerm> nonFinite() {
        return terms.entrySet().stream().filter(e -> !Double.isFinite(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** "loss 1.2, loss_1t5 0.3, …": the total and every term by key. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(TOTAL_KEY).append(' ').append(total);
        terms.forEach((term, v) -> s.append(", ").append(term.key()).append(' ').append(v));
        return s.toString();
    }
}
