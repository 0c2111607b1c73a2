package io.amdim4j.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Weighted k-nearest-neighbour evaluation on frozen features (as in InstDisc, Wu et al. 2018, and
 * solo-learn): cosine similarity between L2-normalised features, the k most similar training rows
 * vote for their class with weight exp(s/T), and the class with the largest vote wins (ties go to
 * the lower class index). Test rows are processed in blocks with one matrix product each. No
 * standardisation and no fitting, so the result does not depend on the seed.
 */
public final class KnnEval implements ProbeProtocol {

    /** Prefix of the protocol names in reports: "knn-k20", "knn-k200". */
    static final String NAME_PREFIX = "knn-k";

    /** Name of the effective k in outcomes. */
    static final String K = "k";

    /** Name of the temperature in outcomes. */
    static final String TEMPERATURE = "temperature";

    /** Norms below this count as zero: such rows stay all-zero and have similarity 0 to everything. */
    static final float MIN_NORM = 1e-12f;

    private final Settings settings;
    private final NDManager manager;

    /**
     * Voting settings.
     *
     * @param kValues neighbour counts, each reported separately (clamped to the training size)
     * @param temperature T of the vote weights exp(s/T)
     * @param blockSize test rows per similarity block; bounds memory at blockSize × training rows
     */
    public record Settings(List<Integer> kValues, double temperature, int blockSize) {

        /** Default neighbour counts (InstDisc reports k = 200; 20 is the other common choice). */
        static final List<Integer> DEFAULT_K = List.of(20, 200);

        /** Default temperature (InstDisc, solo-learn). */
        public static final double DEFAULT_TEMPERATURE = 0.07;

        /** Default block of test rows. */
        public static final int DEFAULT_BLOCK_SIZE = 256;

        /** Validates every field and names the bad one. */
        public Settings {
            kValues = List.copyOf(kValues);
            if (kValues.isEmpty()) {
                throw new IllegalArgumentException("knn kValues needs at least one k");
            }
            if (new TreeSet<>(kValues).size() != kValues.size()) {
                throw new IllegalArgumentException("knn kValues repeats a value: " + kValues);
            }
            for (int k : kValues) {
                if (k < 1) {
                    throw new IllegalArgumentException("knn k must be ≥ 1, got " + k);
                }
            }
            if (!(temperature > 0) || Double.isInfinite(temperature)) {
                throw new IllegalArgumentException("knn temperature must be > 0, got " + temperature);
            }
            if (blockSize < 1) {
                throw new IllegalArgumentException("knn blockSize must be ≥ 1, got " + blockSize);
            }
        }

        /**
         * The defaults.
         *
         * @return default settings
         */
        static Settings defaults() {
            return new Settings(DEFAULT_K, DEFAULT_TEMPERATURE, DEFAULT_BLOCK_SIZE);
        }
    }

    /**
     * @param settings voting settings
     * @param manager parent of each evaluation's manager
     */
    KnnEval(Settings settings, NDManager manager) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    @Override
    public boolean dependsOnSeed() {
        return false;
    }

    @Override
    public List<ProbeOutcome> evaluate(Features train, Features test, int numClasses, long seed) {
        int[][] predicted = new int[settings.kValues().size()][test.count()];
        vote(train, test, numClasses, (kIndex, from, shares) -> {
            long[] classes = shares.argMax(1).toLongArray(); // first maximum on ties
            for (int r = 0; r < classes.length; r++) {
                predicted[kIndex][from + r] = (int) classes[r];
            }
        });
        List<ProbeOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            int k = settings.kValues().get(i);
            outcomes.add(new ProbeOutcome(NAME_PREFIX + k, Accuracy.of(predicted[i], test.labels()),
                    Map.of(K, (double) effectiveK(k, train), TEMPERATURE, settings.temperature())));
        }
        return outcomes;
    }

    /**
     * Each class's share of the vote, for every configured k: votes[i][q][c] = Σ over the k_i
     * nearest training rows of class c of exp(s/T), divided by the total over all classes.
     *
     * @param train labelled training features
     * @param queries rows to classify
     * @param numClasses number of classes
     * @return one Q×C array per k, in {@link Settings#kValues()} order
     */
    float[][][] votes(Features train, Features queries, int numClasses) {
        float[][][] out = new float[settings.kValues().size()][queries.count()][];
        vote(train, queries, numClasses, (kIndex, from, shares) -> {
            float[] flat = shares.toFloatArray();
            for (int r = 0; r < flat.length / numClasses; r++) {
                float[] row = new float[numClasses];
                System.arraycopy(flat, r * numClasses, row, 0, numClasses);
                out[kIndex][from + r] = row;
            }
        });
        return out;
    }

    /** Receives the B×C vote shares of one block of queries for one k. */
    @FunctionalInterface
    private interface BlockVotes {
        void accept(int kIndex, int fromRow, NDArray shares);
    }

    private void vote(Features train, Features queries, int numClasses, BlockVotes sink) {
        if (train.count() == 0) {
            throw new IllegalArgumentException("kNN needs at least one training row");
        }
        if (train.dimension() != queries.dimension()) {
            throw new IllegalArgumentException("kNN training rows are " + train.dimension()
                    + " wide, query rows " + queries.dimension());
        }
        int kMax = settings.kValues().stream().mapToInt(k -> effectiveK(k, train)).max().orElseThrow();
        int q = queries.count();
        try (NDManager scope = manager.newSubManager()) {
            NDArray bank = unit(train.toNDArray(scope)).transpose(); // D×N
            NDArray bankLabels = train.labelArray(scope);
            NDArray queryRows = queries.toNDArray(scope);
            for (int from = 0; from < q; from += settings.blockSize()) {
                int to = Math.min(q, from + settings.blockSize());
                try (NDManager block = scope.newSubManager()) {
                    block.tempAttachAll(bank, bankLabels, queryRows);
                    NDArray similarity = unit(queryRows.get(from + ":" + to)).matMul(bank); // B×N
                    NDList top = similarity.topK(kMax, 1, true, true); // B×kMax, most similar first
                    NDArray nearest = top.get(0);
                    // exp((s − s_max)/T): the shift cancels in the shares and keeps exp finite at small T
                    NDArray weights = nearest.sub(nearest.get(":, 0:1"))
                            .div((float) settings.temperature()).exp();
                    NDArray oneHot = bankLabels.get(top.get(1)).oneHot(numClasses); // B×kMax×C
                    for (int i = 0; i < settings.kValues().size(); i++) {
                        String first = ":, 0:" + effectiveK(settings.kValues().get(i), train);
                        NDArray perClass = oneHot.get(first)
                                .mul(weights.get(first).expandDims(2))
                                .sum(new int[] {1}); // B×C
                        sink.accept(i, from, perClass.div(perClass.sum(new int[] {1}, true)));
                    }
                }
            }
        }
    }

    private static int effectiveK(int k, Features train) {
        return Math.min(k, train.count());
    }

    /** Rows scaled to unit L2 norm. */
    private static NDArray unit(NDArray rows) {
        NDArray norms = rows.norm(new int[] {1}, true).maximum(MIN_NORM);
        return rows.div(norms);
    }
}
