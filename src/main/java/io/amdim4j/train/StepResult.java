package io.amdim4j.train;

/**
 * What one update measured, as plain numbers (listeners never see engine arrays).
 *
 * @param loss ℒ_inf + ℒ_cls (spec §3.3)
 * @param loss1t5 L_1t5
 * @param loss1t7 L_1t7
 * @param loss5t5 L_5t5
 * @param scoreReg R_score
 * @param probeLoss ℒ_cls, both online probes
 * @param accMlp training accuracy of the MLP probe over labelled rows (NaN without labels)
 * @param accLinear training accuracy of the linear probe over labelled rows (NaN without labels)
 */
public record StepResult(
        double loss, double loss1t5, double loss1t7, double loss5t5, double scoreReg, double probeLoss,
        double accMlp, double accLinear) {

    /** False if any loss is NaN or infinite. */
    public boolean isFinite() {
        return Double.isFinite(loss) && Double.isFinite(loss1t5) && Double.isFinite(loss1t7)
                && Double.isFinite(loss5t5) && Double.isFinite(scoreReg) && Double.isFinite(probeLoss);
    }
}
