package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The self-supervised loss with mixture-based representations, spec §4.2 (paper Sec. 3.7, Eqs. 6–7).
 *
 * <p>In 1→7 (and 1→5 unless {@link MixtureConfig#mixOneToFive()} is off) the antecedent r1 is
 * replaced by its k mixture features f^j (from {@code io.amdim4j.model.MixtureHead}). Each component
 * j gets the §3 score s_j(a,l) = −ℓ_j(a,l), computed by {@link NceTerm} with component j scoring
 * both the positive and the shared negatives. With q = softmax_j(τ·s_j) held constant, one directed
 * term is ℒ_mix = −(1/(N·L))·Σ_{a,l} [Σ_j q·s_j + α·H(q)], the entropy counted once per consequent.
 * 5→5 keeps the §3 loss. Stateless apart from its configuration.
 */
public final class MixtureNceLoss {

    private final NceConfig nce;
    private final MixtureConfig mixture;

    /**
     * Value of one directed mixture term, all scalars.
     *
     * @param loss ℒ_mix(src → trg)
     * @param reg λ × the mean of S_j² over j, a, b and l
     * @param weightedScore mean over (a,l) of Σ_j q·s_j
     * @param entropy mean over (a,l) of H(q)
     */
    record Term(NDArray loss, NDArray reg, NDArray weightedScore, NDArray entropy) {}

    /**
     * Creates the loss.
     *
     * @param nce clip bound c and regulariser weight λ, shared with the §3 terms
     * @param mixture k, τ, α and whether 1→5 is mixed
     */
    public MixtureNceLoss(NceConfig nce, MixtureConfig mixture) {
        this.nce = Objects.requireNonNull(nce, "nce");
        this.mixture = Objects.requireNonNull(mixture, "mixture");
    }

    /**
     * ℒ_inf with 5→5 source locations drawn as in {@link MultiscaleNceLoss#compute(NDList, NDList,
     * RandomGenerator)} (view 1's N draws, then view 2's).
     *
     * @param view1 [r1, r5, r7] of view 1
     * @param view2 [r1, r5, r7] of view 2
     * @param mixture1 f^1…f^k of view 1's r1, N×k×R
     * @param mixture2 f^1…f^k of view 2's r1, N×k×R
     * @param random the source of the 5×5 location draws
     * @return ℒ_inf's terms and the logged mixture terms E_q[s] and H(q)
     */
    public Losses compute(
            NDList view1, NDList view2, NDArray mixture1, NDArray mixture2, RandomGenerator random) {
        ViewEmbeddings v1 = ViewEmbeddings.of(view1, "view 1");
        ViewEmbeddings v2 = ViewEmbeddings.of(view2, "view 2");
        v1.checkSameSize(v2);
        int n = Math.toIntExact(v1.batch());
        int[] locations1 = MultiscaleNceLoss.drawSourceLocations(n, random);
        int[] locations2 = MultiscaleNceLoss.drawSourceLocations(n, random);
        return compute(v1, v2, mixture1, mixture2, locations1, locations2);
    }

    /**
     * ℒ_inf with explicit 5→5 source locations.
     *
     * @param view1 [r1, r5, r7] of view 1
     * @param view2 [r1, r5, r7] of view 2
     * @param mixture1 f^1…f^k of view 1's r1, N×k×R
     * @param mixture2 f^1…f^k of view 2's r1, N×k×R
     * @param sourceLocations1 u_n^1 = row·5 + col for every image of view 1
     * @param sourceLocations2 u_n^2 for view 2
     * @return ℒ_inf's terms and the logged mixture terms E_q[s] and H(q)
     */
    Losses compute(
            NDList view1,
            NDList view2,
            NDArray mixture1,
            NDArray mixture2,
            int[] sourceLocations1,
            int[] sourceLocations2) {
        ViewEmbeddings v1 = ViewEmbeddings.of(view1, "view 1");
        ViewEmbeddings v2 = ViewEmbeddings.of(view2, "view 2");
        v1.checkSameSize(v2);
        return compute(v1, v2, mixture1, mixture2, sourceLocations1, sourceLocations2);
    }

    private Losses compute(
            ViewEmbeddings v1,
            ViewEmbeddings v2,
            NDArray mixture1,
            NDArray mixture2,
            int[] locations1,
            int[] locations2) {
        checkMixture(mixture1, v1, "view 1");
        checkMixture(mixture2, v2, "view 2");
        List<Term> mixed = new ArrayList<>();
        List<NDArray> regs = new ArrayList<>();

        Term a1t7 = term(mixture1, v2.t7(), nce, mixture);
        Term b1t7 = term(mixture2, v1.t7(), nce, mixture);
        mixed.add(a1t7);
        mixed.add(b1t7);
        NDArray loss1t7 = MultiscaleNceLoss.halfSum(a1t7.loss(), b1t7.loss());

        NDArray loss1t5;
        if (mixture.mixOneToFive()) {
            Term a1t5 = term(mixture1, v2.t5(), nce, mixture);
            Term b1t5 = term(mixture2, v1.t5(), nce, mixture);
            mixed.add(a1t5);
            mixed.add(b1t5);
            loss1t5 = MultiscaleNceLoss.halfSum(a1t5.loss(), b1t5.loss());
        } else {
            NceTerm.Result a1t5 = NceTerm.compute(v1.r1(), v2.t5(), nce);
            NceTerm.Result b1t5 = NceTerm.compute(v2.r1(), v1.t5(), nce);
            regs.add(a1t5.reg());
            regs.add(b1t5.reg());
            loss1t5 = MultiscaleNceLoss.halfSum(a1t5.nce(), b1t5.nce());
        }
        MultiscaleNceLoss.DirectedPair fiveToFive = MultiscaleNceLoss.fiveToFive(v1, v2, locations1, locations2, nce);
        regs.add(fiveToFive.first().reg());
        regs.add(fiveToFive.second().reg());
        mixed.forEach(t -> regs.add(t.reg()));

        // Spec §4.2: log Σ_j q·s_j and the mean H(q) beside ℒ_mix; they do not add into the total.
        return MultiscaleNceLoss.assemble(
                        loss1t5, loss1t7, fiveToFive.mean(), MultiscaleNceLoss.halfSum(regs.toArray(NDArray[]::new)))
                .put(LossTerm.MIXTURE_SCORE, mean(mixed.stream().map(Term::weightedScore).toList()))
                .put(LossTerm.MIXTURE_ENTROPY, mean(mixed.stream().map(Term::entropy).toList()))
                .build();
    }

    /**
     * One directed term ℒ_mix(src → trg) of spec §4.2.
     *
     * @param components the mixture features f^1…f^k of the antecedents, N×k×R
     * @param trg consequents of the other view, N×R×L
     * @param nce clip bound c and regulariser weight λ
     * @param mixture τ and α (the number of components is read from {@code components})
     * @return the loss, its regulariser and the q statistics
     */
    static Term term(NDArray components, NDArray trg, NceConfig nce, MixtureConfig mixture) {
        Shape shape = components.getShape();
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException("mixture features must be N×k×R, got " + shape);
        }
        int k = Math.toIntExact(shape.get(1));
        NDList scores = new NDList(k); // s_j = −ℓ_j, each N×L
        NDArray regSum = null;
        for (int j = 0; j < k; j++) {
            NDArray s = NceTerm.scores(components.get(":, " + j + ", :"), trg); // N×N×L
            NDArray reg = NceTerm.scoreReg(s, nce);
            regSum = regSum == null ? reg : regSum.add(reg);
            scores.add(NceTerm.perPositiveLoss(s, nce.tclip()).neg());
        }
        NDArray s = NDArrays.stack(scores, 2); // N×L×k

        // q is held constant (spec §4.2): with α = 1/τ its gradient term vanishes anyway.
        NDArray tauS = GraphScalar.times(s.stopGradient(), mixture.tau());
        NDArray q = tauS.softmax(2);
        NDArray entropy = q.mul(tauS.logSoftmax(2)).sum(new int[] {2}).neg(); // N×L
        NDArray weighted = q.mul(s).sum(new int[] {2}); // N×L: Σ_j q·s_j
        NDArray bracket = weighted.add(GraphScalar.times(entropy, mixture.alpha()));
        return new Term(
                bracket.mean().neg(), GraphScalar.times(regSum, 1.0 / k), weighted.mean(), entropy.mean());
    }

    private void checkMixture(NDArray features, ViewEmbeddings view, String name) {
        Objects.requireNonNull(features, name + " mixture features");
        Shape expected = new Shape(view.batch(), mixture.components(), view.width());
        if (!features.getShape().equals(expected)) {
            throw new IllegalArgumentException(
                    name + " mixture features must be N×k×R = " + expected + ", got " + features.getShape());
        }
    }

    private static NDArray mean(List<NDArray> values) {
        return GraphScalar.times(
                values.stream().reduce(NDArray::add).orElseThrow(), 1.0 / values.size());
    }
}
