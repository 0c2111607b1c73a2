package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The loss of one update as named scalar terms (see {@link LossTerm}), kept in declaration order,
 * and their total: the sum of the additive terms in that order, the array to backpropagate.
 * Immutable; the arrays belong to the caller's (per-step) manager, so read them with
 * {@link #read()} before it closes.
 */
public final class Losses {

    private final Map<LossTerm, NDArray> terms;
    private NDArray total;

    private Losses(Map<LossTerm, NDArray> terms) {
        this.terms = Collections.unmodifiableMap(terms);
    }

    /** Starts an empty list of terms. */
    static Builder builder() {
        return new Builder(new EnumMap<>(LossTerm.class));
    }

    /**
     * These terms and one more, e.g. the probe loss that the step adds to the self-supervised terms.
     *
     * @param term a term this loss does not have yet
     * @param value its value, a 0-d array of the same step's manager
     * @return a new loss with every term of this one and {@code term}
     * @throws IllegalArgumentException if {@code value} is not a scalar or this loss already has {@code term}
     */
    public Losses with(LossTerm term, NDArray value) {
        Builder b = new Builder(new EnumMap<>(LossTerm.class));
        terms.forEach(b::put);
        return b.put(term, value).build();
    }

    /**
     * The additive terms summed in declaration order (spec §3.3: a plain sum). Computed once, in the
     * terms' manager, and kept.
     *
     * @return the 0-d array to backpropagate
     * @throws IllegalStateException if no term is additive
     */
    public NDArray total() {
        if (total == null) {
            for (Map.Entry<LossTerm, NDArray> e : terms.entrySet()) {
                if (e.getKey().additive()) {
                    total = total == null ? e.getValue() : total.add(e.getValue());
                }
            }
            if (total == null) {
                throw new IllegalStateException("no additive loss term among " + terms.keySet());
            }
        }
        return total;
    }

    /**
     * The value of one term; an error naming it if this loss has no such term.
     *
     * @param term the term, e.g. {@link LossTerm#LOSS_1T5}
     * @return its 0-d array
     * @throws IllegalArgumentException if this loss has no such term (e.g. a mixture term without mixtures)
     */
    public NDArray get(LossTerm term) {
        NDArray value = terms.get(term);
        if (value == null) {
            throw new IllegalArgumentException("this loss has no term " + term.key() + "; it has " + terms.keySet());
        }
        return value;
    }

    /**
     * The terms in declaration order.
     *
     * @return an unmodifiable map from term to 0-d array
     */
    public Map<LossTerm, NDArray> terms() {
        return terms;
    }

    /**
     * The total and every term as plain numbers, for listeners and logs; call it before the arrays'
     * manager closes.
     *
     * @return the values as doubles
     */
    public LossValues read() {
        Map<LossTerm, Double> values = new EnumMap<>(LossTerm.class);
        terms.forEach((term, value) -> values.put(term, scalar(value)));
        return new LossValues(scalar(total()), values);
    }

    private static double scalar(NDArray a) {
        return a.toType(DataType.FLOAT64, false).getDouble();
    }

    /** Collects terms; each is put once, as a scalar. */
    static final class Builder {

        private final Map<LossTerm, NDArray> terms;

        private Builder(Map<LossTerm, NDArray> terms) {
            this.terms = terms;
        }

        /** Adds one term's value, a 0-d array. */
        Builder put(LossTerm term, NDArray value) {
            Objects.requireNonNull(term, "term");
            Objects.requireNonNull(value, term.key());
            if (!value.getShape().isScalar()) {
                throw new IllegalArgumentException(
                        "loss term " + term.key() + " must be a scalar, got shape " + value.getShape());
            }
            if (terms.putIfAbsent(term, value) != null) {
                throw new IllegalArgumentException("loss term " + term.key() + " is given twice");
            }
            return this;
        }

        Losses build() {
            return new Losses(terms);
        }
    }
}
