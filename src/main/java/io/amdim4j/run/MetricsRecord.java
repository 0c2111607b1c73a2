package io.amdim4j.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code metrics.jsonl}: {@code kind} is "step" (one per update) or "epoch" (one per
 * epoch, with test accuracies). Plain floats, so listeners never hold engine arrays.
 *
 * <p>The loss terms are not fields: their keys ({@code loss_1t5}, {@code score_reg}, …) come from
 * the loss's declaration of its terms and sit beside the total {@code loss} as top-level keys, so
 * a new term needs no change here and files written before it still read.
 *
 * @param terms every loss term by its key (empty for epoch records); written in the order given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "step", "epoch", "loss", "terms"})
public record MetricsRecord(
        String kind,
        long step,
        int epoch,
        Double loss,
        @JsonAnyGetter @JsonAnySetter Map<String, Double> terms,
        Double trainAccMlp,
        Double trainAccLinear,
        Double lr,
        Double pairsPerS,
        Double testAccMlp,
        Double testAccLinear,
        Double epochSeconds) {

    public static final String STEP = "step";
    public static final String EPOCH = "epoch";

    public MetricsRecord {
        terms = terms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /** A per-update record: the total, the terms by key, the probes' accuracies, lr and throughput. */
    public static MetricsRecord step(long step, int epoch, double loss, Map<String, Double> terms,
            Double trainAccMlp, Double trainAccLinear, double lr, double pairsPerS) {
        return new MetricsRecord(STEP, step, epoch, loss, terms, trainAccMlp, trainAccLinear, lr, pairsPerS,
                null, null, null);
    }

    /** A per-epoch record. */
    public static MetricsRecord epoch(long step, int epoch, Double testAccMlp, Double testAccLinear,
            double epochSeconds) {
        return new MetricsRecord(EPOCH, step, epoch, null, Map.of(), null, null, null, null, testAccMlp,
                testAccLinear, epochSeconds);
    }

    /** One loss term by its {@code metrics.jsonl} key; null when this record does not have it. */
    public Double term(String key) {
        return terms.get(key);
    }
}
