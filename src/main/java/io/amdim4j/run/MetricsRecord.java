package io.amdim4j.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of {@code metrics.jsonl}: {@code kind} is "step" (one per update) or "epoch" (one per
 * epoch, with test accuracies). Plain floats, so listeners never hold engine arrays.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsRecord(
        String kind,
        long step,
        int epoch,
        Double loss,
        @JsonProperty("loss_1t5") Double loss1t5,
        @JsonProperty("loss_1t7") Double loss1t7,
        @JsonProperty("loss_5t5") Double loss5t5,
        Double scoreReg,
        Double probeLoss,
        Double trainAccMlp,
        Double trainAccLinear,
        Double lr,
        Double pairsPerS,
        Double testAccMlp,
        Double testAccLinear,
        Double epochSeconds) {

    public static final String STEP = "step";
    public static final String EPOCH = "epoch";

    /** A per-update record. */
    public static MetricsRecord step(long step, int epoch, double loss, double loss1t5, double loss1t7,
            double loss5t5, double scoreReg, double probeLoss, Double trainAccMlp, Double trainAccLinear,
            double lr, double pairsPerS) {
        return new MetricsRecord(STEP, step, epoch, loss, loss1t5, loss1t7, loss5t5, scoreReg, probeLoss,
                trainAccMlp, trainAccLinear, lr, pairsPerS, null, null, null);
    }

    /** A per-epoch record. */
    public static MetricsRecord epoch(long step, int epoch, Double testAccMlp, Double testAccLinear,
            double epochSeconds) {
        return new MetricsRecord(EPOCH, step, epoch, null, null, null, null, null, null, null, null, null,
                null, testAccMlp, testAccLinear, epochSeconds);
    }
}
