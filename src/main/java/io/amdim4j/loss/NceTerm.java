package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * One directed NCE term NCE(src → trg) of spec §3.2, as stateless functions of arrays.
 *
 * <p>src is N×R (one antecedent per image), trg is N×R×L (L consequents per image, from the other
 * view). Image a's own L locations are its positives; all L locations of every other image are
 * the negatives, shared by a's L positives (the paper's "efficient NCE"). The pieces are public so
 * that {@link MixtureNceLoss} scores its components with the very same code.
 *
 * <p>Scores and everything after them are computed in fp32 even when the features are in a lower
 * precision (spec §3.4); float64 features stay float64.
 */
public final class NceTerm {

    /** Smallest batch with at least one negative per antecedent (spec §3.2). */
    static final int MIN_BATCH = 2;

    /**
     * Value of one directed term.
     *
     * @param nce the NCE loss (1/(N·L))·Σ ℓ(a,l), a scalar (spec §3.2 step 5)
     * @param reg the score regulariser λ·mean(S²) over raw scores, a scalar (spec §3.2 step 2)
     */
    public record Result(NDArray nce, NDArray reg) {}

    private NceTerm() {}

    /**
     * NCE(src → trg) and its regulariser, spec §3.2.
     *
     * @param src antecedents, N×R
     * @param trg consequents, N×R×L
     * @param config clip bound c and regulariser weight λ
     * @return the loss and the regulariser, scalars
     */
    public static Result compute(NDArray src, NDArray trg, NceConfig config) {
        NDArray scores = scores(src, trg); // N×N×L
        NDArray reg = scoreReg(scores, config);
        NDArray nce = perPositiveLoss(scores, config.tclip()).mean();
        return new Result(nce, reg);
    }

    /**
     * Raw scores S[a,b,l] = ⟨src[a], trg[b,:,l]⟩/√R from one (N×R)·(R×N·L) product (spec §3.2
     * step 1, §3.4).
     *
     * @param src antecedents, N×R
     * @param trg consequents, N×R×L
     * @return S, N×N×L, in fp32 (float64 if the inputs are float64)
     */
    static NDArray scores(NDArray src, NDArray trg) {
        Shape srcShape = src.getShape();
        Shape trgShape = trg.getShape();
        if (srcShape.dimension() != 2 || trgShape.dimension() != 3) {
            throw new IllegalArgumentException(
                    "NCE needs src N×R and trg N×R×L, got src " + srcShape + " and trg " + trgShape);
        }
        long n = srcShape.get(0);
        long r = srcShape.get(1);
        long l = trgShape.get(2);
        if (trgShape.get(0) != n || trgShape.get(1) != r) {
            throw new IllegalArgumentException(
                    "NCE src " + srcShape + " and trg " + trgShape + " disagree on N or R");
        }
        if (n < MIN_BATCH) {
            throw new IllegalArgumentException(
                    "NCE needs a batch of at least " + MIN_BATCH
                            + " images (negatives come from the other images), got N = " + n);
        }
        NDArray trgFlat = trg.transpose(1, 0, 2).reshape(r, n * l); // R×(N·L), column b·L + l
        NDArray raw = src.matMul(trgFlat); // N×(N·L)
        if (raw.getDataType() != DataType.FLOAT64 && raw.getDataType() != DataType.FLOAT32) {
            raw = raw.toType(DataType.FLOAT32, false); // the reference casts right after the product
        }
        return GraphScalar.times(raw.reshape(n, n, l), 1.0 / Math.sqrt(r));
    }

    /**
     * Score regulariser λ·(1/(N²L))·Σ S², on raw scores before clipping (spec §3.2 step 2).
     *
     * @param scores raw scores S, N×N×L
     * @param config supplies λ
     * @return a scalar
     */
    static NDArray scoreReg(NDArray scores, NceConfig config) {
        return GraphScalar.times(scores.square().mean(), config.scoreRegWeight());
    }

    /**
     * Per-positive loss ℓ(a,l) of spec §3.2 steps 3–4 with the max shift and masks of §3.4: soft
     * clip Ŝ = c·tanh(S/c), then −Ŝ[a,a,l] + log(exp Ŝ[a,a,l] + Σ_{b≠a,l'} exp Ŝ[a,b,l']), where the
     * other L−1 positives of image a are left out of the denominator.
     *
     * @param scores raw scores S, N×N×L
     * @param tclip clip bound c
     * @return ℓ, N×L, every entry positive
     */
    static NDArray perPositiveLoss(NDArray scores, double tclip) {
        Shape shape = scores.getShape();
        if (shape.dimension() != 3 || shape.get(0) != shape.get(1)) {
            throw new IllegalArgumentException("NCE scores must be N×N×L, got " + shape);
        }
        int n = Math.toIntExact(shape.get(0));
        long l = shape.get(2);
        if (n < MIN_BATCH) {
            throw new IllegalArgumentException(
                    "NCE needs a batch of at least " + MIN_BATCH + " images, got N = " + n);
        }
        NDArray clipped = GraphScalar.times(GraphScalar.times(scores, 1.0 / tclip).tanh(), tclip);

        // Constant 0/1 masks over (a, b), broadcast along l; they carry no gradient.
        NDArray positive = scores.getManager().eye(n, n, 0, scores.getDataType()).reshape(n, n, 1);
        NDArray negative = positive.neg().add(1);

        // Row max over the negatives only; positive slots hold −c, which never wins. The shift
        // cancels exactly, so it is held constant.
        NDArray forMax = clipped.mul(negative).sub(GraphScalar.times(positive, tclip));
        NDArray rowMax = forMax.reshape(n, n * l).max(new int[] {1}, true).stopGradient(); // N×1
        NDArray shifted = clipped.sub(rowMax.reshape(n, 1, 1)); // N×N×L, every entry < 2c

        NDArray negativeSum = shifted.exp().mul(negative).reshape(n, n * l).sum(new int[] {1}, true); // N×1
        NDArray positiveScore = shifted.mul(positive).sum(new int[] {1}); // N×L: Ŝ[a,a,l] − m_a
        return positiveScore.exp().add(negativeSum).log().sub(positiveScore);
    }
}
