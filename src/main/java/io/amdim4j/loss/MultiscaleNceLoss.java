package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The total self-supervised loss of spec §3.3: 1→5, 1→7 and 5→5, each in both directions, plus the
 * score regulariser, each a named {@link LossTerm} of the result.
 *
 * <p>Each view is the encoder's NDList [r1 (N×R), r5 (N×R×5×5), r7 (N×R×7×7)]. The 5→5 source of
 * image n in view v is r5^v at one location u_n^v (spec §3.1), either given or drawn uniformly,
 * independently per image and per view. Stateless apart from its configuration.
 */
public final class MultiscaleNceLoss {

    private final NceConfig config;

    /**
     * Creates the loss.
     *
     * @param config clip bound c and regulariser weight λ
     */
    public MultiscaleNceLoss(NceConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration this loss uses. */
    NceConfig config() {
        return config;
    }

    /**
     * ℒ_inf with 5→5 source locations drawn from {@code random} (spec §3.1): one uniform draw on
     * {0…24} per image for view 1, then one per image for view 2.
     *
     * @param view1 [r1, r5, r7] of view 1
     * @param view2 [r1, r5, r7] of view 2
     * @param random the source of the 5×5 location draws
     * @return ℒ_inf and its parts
     */
    public Losses compute(NDList view1, NDList view2, RandomGenerator random) {
        ViewEmbeddings v1 = ViewEmbeddings.of(view1, "view 1");
        ViewEmbeddings v2 = ViewEmbeddings.of(view2, "view 2");
        v1.checkSameSize(v2);
        int n = Math.toIntExact(v1.batch());
        return compute(v1, v2, drawSourceLocations(n, random), drawSourceLocations(n, random));
    }

    /**
     * ℒ_inf with explicit 5→5 source locations (spec §3.3; the golden vectors of §3.6 give them).
     *
     * @param view1 [r1, r5, r7] of view 1
     * @param view2 [r1, r5, r7] of view 2
     * @param sourceLocations1 u_n^1 = row·5 + col for every image of view 1
     * @param sourceLocations2 u_n^2 for view 2
     * @return ℒ_inf and its parts
     */
    Losses compute(NDList view1, NDList view2, int[] sourceLocations1, int[] sourceLocations2) {
        ViewEmbeddings v1 = ViewEmbeddings.of(view1, "view 1");
        ViewEmbeddings v2 = ViewEmbeddings.of(view2, "view 2");
        v1.checkSameSize(v2);
        return compute(v1, v2, sourceLocations1, sourceLocations2);
    }

    private Losses compute(ViewEmbeddings v1, ViewEmbeddings v2, int[] locations1, int[] locations2) {
        NceTerm.Result a1t5 = NceTerm.compute(v1.r1(), v2.t5(), config);
        NceTerm.Result b1t5 = NceTerm.compute(v2.r1(), v1.t5(), config);
        NceTerm.Result a1t7 = NceTerm.compute(v1.r1(), v2.t7(), config);
        NceTerm.Result b1t7 = NceTerm.compute(v2.r1(), v1.t7(), config);
        DirectedPair fiveToFive = fiveToFive(v1, v2, locations1, locations2, config);
        return assemble(
                new DirectedPair(a1t5, b1t5).mean(),
                new DirectedPair(a1t7, b1t7).mean(),
                fiveToFive.mean(),
                halfSum(a1t5.reg(), b1t5.reg(), a1t7.reg(), b1t7.reg(),
                        fiveToFive.first().reg(), fiveToFive.second().reg()))
                .build();
    }

    /** Both directions of 5→5 (spec §3.3), shared with {@link MixtureNceLoss}. */
    static DirectedPair fiveToFive(
            ViewEmbeddings v1, ViewEmbeddings v2, int[] locations1, int[] locations2, NceConfig config) {
        checkLocations(locations1, v1.batch(), "view 1");
        checkLocations(locations2, v2.batch(), "view 2");
        return new DirectedPair(
                NceTerm.compute(v1.sources5(locations1), v2.t5(), config),
                NceTerm.compute(v2.sources5(locations2), v1.t5(), config));
    }

    /** ½ × the sum, e.g. R_score = ½ × the sum of the six directed regularisers (spec §3.3). */
    static NDArray halfSum(NDArray... terms) {
        NDArray sum = terms[0];
        for (int i = 1; i < terms.length; i++) {
            sum = sum.add(terms[i]);
        }
        return GraphScalar.times(sum, 0.5);
    }

    /** The four terms of ℒ_inf (spec §3.3); {@link Losses#total()} is their plain sum. */
    static Losses.Builder assemble(NDArray loss1t5, NDArray loss1t7, NDArray loss5t5, NDArray scoreReg) {
        return Losses.builder()
                .put(LossTerm.LOSS_1T5, loss1t5)
                .put(LossTerm.LOSS_1T7, loss1t7)
                .put(LossTerm.LOSS_5T5, loss5t5)
                .put(LossTerm.SCORE_REG, scoreReg);
    }

    /**
     * Draws one 5×5 location per image, uniform on {0…24} (spec §3.1).
     *
     * @param n number of images
     * @param random the source of the draws
     * @return u_n = row·5 + col for every image
     */
    static int[] drawSourceLocations(int n, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        int[] locations = new int[n];
        for (int i = 0; i < n; i++) {
            locations[i] = random.nextInt(ViewEmbeddings.LOCATIONS_5);
        }
        return locations;
    }

    private static void checkLocations(int[] locations, long n, String view) {
        Objects.requireNonNull(locations, view + " source locations");
        if (locations.length != n) {
            throw new IllegalArgumentException(
                    view + " needs one 5×5 source location per image: N = " + n + ", got " + locations.length);
        }
        for (int i = 0; i < locations.length; i++) {
            if (locations[i] < 0 || locations[i] >= ViewEmbeddings.LOCATIONS_5) {
                throw new IllegalArgumentException(
                        view + " source location of image " + i + " must be in [0, " + ViewEmbeddings.LOCATIONS_5
                                + "), got " + locations[i]);
            }
        }
    }

    /** The two directions of one task. */
    record DirectedPair(NceTerm.Result first, NceTerm.Result second) {

        /** ½ [NCE(view 1 → view 2) + NCE(view 2 → view 1)]. */
        NDArray mean() {
            return halfSum(first.nce(), second.nce());
        }
    }
}
