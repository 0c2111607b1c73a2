package io.amdim4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * Per-feature standardisation with statistics of the rows a probe is fitted on, never of the rows
 * it is scored on. A feature that is constant on the fitting rows (e.g. r1 channels R ≥ 4F at
 * initialisation, spec §2.4) is only centred, so it cannot blow up elsewhere.
 */
final class Standardizer {

    /** Below this standard deviation a feature counts as constant. */
    static final float CONSTANT_FEATURE_STD = 1e-6f;

    private final NDArray mean;
    private final NDArray scale;

    private Standardizer(NDArray mean, NDArray scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Statistics of the rows of x (population standard deviation).
     *
     * @param x N×D fitting rows; the statistics live in its manager
     * @return the standardizer
     */
    static Standardizer fit(NDArray x) {
        NDArray mean = x.mean(new int[] {0});
        NDArray std = x.sub(mean).square().mean(new int[] {0}).sqrt();
        NDArray scale = NDArrays.where(std.lt(CONSTANT_FEATURE_STD), std.onesLike(), std);
        return new Standardizer(mean, scale);
    }

    /**
     * (x − mean) / std.
     *
     * @param x N×D rows
     * @return standardised rows
     */
    NDArray apply(NDArray x) {
        return x.sub(mean).div(scale);
    }
}
