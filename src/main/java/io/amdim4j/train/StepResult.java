package io.amdim4j.train;

import io.amdim4j.loss.LossValues;

/**
 * What one update measured, as plain numbers (listeners never see engine arrays).
 *
 * @param losses ℒ_inf + ℒ_cls (spec §3.3) and every term the step computed
 * @param accMlp training accuracy of the MLP probe over labelled rows (NaN without labels)
 * @param accLinear training accuracy of the linear probe over labelled rows (NaN without labels)
 */
public record StepResult(LossValues losses, double accMlp, double accLinear) {

    /**
     * The backpropagated loss.
     *
     * @return {@link LossValues#total()} of {@link #losses()}
     */
    public double loss() {
        return losses.total();
    }

    /**
     * False if the total or any term is NaN or infinite; the run stops on such an update.
     *
     * @return whether every loss value is finite
     */
    public boolean isFinite() {
        return losses.isFinite();
    }
}
