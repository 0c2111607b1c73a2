package io.amdim4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * The encoder outputs of one view, checked and arranged as sources and targets (spec §3.1).
 *
 * @param r1 global embedding, N×R (the 1→5 and 1→7 source a1)
 * @param t5 the 5×5 map flattened row-major, N×R×25 (the target T5, l = 5i + j)
 * @param t7 the 7×7 map flattened row-major, N×R×49 (the target T7, l = 7i + j)
 */
record ViewEmbeddings(NDArray r1, NDArray t5, NDArray t7) {

    /** Side of the r5 map (spec §3.1). */
    static final int SIDE_5 = 5;

    /** Side of the r7 map (spec §3.1). */
    static final int SIDE_7 = 7;

    /** Number of r5 locations, the range of the 5→5 source location u. */
    static final int LOCATIONS_5 = SIDE_5 * SIDE_5;

    /** Number of r7 locations. */
    static final int LOCATIONS_7 = SIDE_7 * SIDE_7;

    /**
     * Checks one view's [r1 (N×R), r5 (N×R×5×5), r7 (N×R×7×7)] and flattens the maps.
     *
     * @param view the encoder output of one view
     * @param name the view's name for error messages
     */
    static ViewEmbeddings of(NDList view, String name) {
        if (view == null || view.size() != 3) {
            throw new IllegalArgumentException(
                    name + " must be an NDList [r1, r5, r7], got " + (view == null ? "null" : view.size() + " arrays"));
        }
        NDArray r1 = view.get(0);
        Shape s1 = r1.getShape();
        if (s1.dimension() != 2) {
            throw new IllegalArgumentException(name + " r1 must be N×R, got " + s1);
        }
        long n = s1.get(0);
        long r = s1.get(1);
        NDArray r5 = view.get(1);
        NDArray r7 = view.get(2);
        checkMap(r5, new Shape(n, r, SIDE_5, SIDE_5), name + " r5");
        checkMap(r7, new Shape(n, r, SIDE_7, SIDE_7), name + " r7");
        return new ViewEmbeddings(r1, r5.reshape(n, r, LOCATIONS_5), r7.reshape(n, r, LOCATIONS_7));
    }

    private static void checkMap(NDArray map, Shape expected, String name) {
        if (!map.getShape().equals(expected)) {
            throw new IllegalArgumentException(name + " must have shape " + expected + ", got " + map.getShape());
        }
    }

    long batch() {
        return r1.getShape().get(0);
    }

    long width() {
        return r1.getShape().get(1);
    }

    /**
     * The 5→5 sources a5[n] = r5[n, :, u_n] (spec §3.1), gathered so that gradient reaches r5 at
     * exactly those locations.
     *
     * @param locations u_n = row·5 + col for every image
     * @return N×R
     */
    NDArray sources5(int[] locations) {
        long n = batch();
        long r = width();
        long[] rows = new long[Math.toIntExact(n)];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (long) i * LOCATIONS_5 + locations[i];
        }
        NDArray byLocation = t5.transpose(0, 2, 1).reshape(n * LOCATIONS_5, r); // row n·25 + u
        return byLocation.get(t5.getManager().create(rows));
    }

    /** Throws unless the other view has the same N and R. */
    void checkSameSize(ViewEmbeddings other) {
        if (batch() != other.batch() || width() != other.width()) {
            throw new IllegalArgumentException(
                    "the two views disagree: view 1 r1 is " + r1.getShape() + ", view 2 r1 is " + other.r1.getShape());
        }
    }
}
