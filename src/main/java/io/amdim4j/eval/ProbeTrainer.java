package io.amdim4j.eval;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import io.amdim4j.runtime.EngineSeed;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Minibatch training of a probe block on fixed feature rows (the MLP probe of spec §6.3): DJL's
 * Adam with the §7 moments and coupled L2 weight decay (g ← g + wd·θ, as DJL's Adam applies it).
 * Each update gets its own sub-manager; PyTorch accumulates gradients, and DJL's Adam zeroes each
 * one after using it.
 */
final class ProbeTrainer {

    /** Adam β1 (spec §7). */
    static final float ADAM_BETA1 = 0.8f;

    /** Adam β2 (spec §7). */
    static final float ADAM_BETA2 = 0.999f;

    /** Adam ε (spec §7). */
    static final float ADAM_EPSILON = 1e-8f;

    /** Rows per inference chunk, bounding the hidden activations of the MLP probe. */
    static final int PREDICT_ROWS = 4096;

    private final ProbeObjective objective;

    ProbeTrainer(ProbeObjective objective) {
        this.objective = Objects.requireNonNull(objective, "probe objective");
    }

    /**
     * Updates per pass over the rows: full batches only (a BN probe cannot take a batch of one),
     * or one full-batch update when the rows fit in one batch.
     *
     * @param rows N
     * @param batchSize B
     * @return max(1, ⌊N/B⌋)
     */
    static int stepsPerEpoch(int rows, int batchSize) {
        return Math.max(1, rows / batchSize);
    }

    /**
     * Seeds the engine generator and initialises the probe. The engine has one generator, so this
     * also fixes the probe's dropout masks for a single-threaded run.
     *
     * @param probe the probe block
     * @param manager owner of its parameters
     * @param dimension input width D
     * @param seed initialisation seed
     */
    static void initialise(Block probe, NDManager manager, int dimension, long seed) {
        EngineSeed.apply(seed);
        probe.initialize(manager, DataType.FLOAT32, new Shape(1, dimension));
    }

    /**
     * Trains the probe in place.
     *
     * @param probe an initialised probe, N×D → N×k
     * @param x N×D standardised features
     * @param labels N int32 labels
     * @param steps number of updates
     * @param batchSize rows per update (all rows when N ≤ B)
     * @param learningRate learning rate by update number t = 1, 2, …
     * @param weightDecay coupled L2 weight on every parameter
     * @param shuffleSeed seed of the row order
     */
    void train(Block probe, NDArray x, NDArray labels, int steps, int batchSize, Tracker learningRate,
            float weightDecay, long shuffleSeed) {
        Adam adam = Adam.builder()
                .optLearningRateTracker(learningRate)
                .optBeta1(ADAM_BETA1)
                .optBeta2(ADAM_BETA2)
                .optEpsilon(ADAM_EPSILON)
                .optWeightDecays(weightDecay)
                .build();
        List<Parameter> trainable = probe.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .toList();
        ParameterStore store = new ParameterStore(x.getManager(), false);
        int n = Math.toIntExact(x.getShape().get(0));
        SplittableRandom random = new SplittableRandom(shuffleSeed);
        int[] order = new int[0];
        int cursor = 0;
        for (int step = 0; step < steps; step++) {
            int[] rows = null;
            if (batchSize < n) {
                if (cursor + batchSize > order.length) {
                    order = permutation(n, random);
                    cursor = 0;
                }
                rows = Arrays.copyOfRange(order, cursor, cursor + batchSize);
                cursor += batchSize;
            }
            try (NDManager scope = x.getManager().newSubManager()) {
                // every array derived from x lands in this scope, not in x's manager
                scope.tempAttachAll(x, labels);
                NDArray xb = rows == null ? x : x.get(scope.create(rows));
                NDArray yb = rows == null ? labels : labels.get(scope.create(rows));
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = probe.forward(store, new NDList(xb), true).singletonOrThrow();
                    NDArray loss = objective.evaluate(new NDList(yb), new NDList(logits));
                    float value = loss.getFloat();
                    if (!Float.isFinite(value)) {
                        throw new IllegalStateException(
                                "probe loss is " + value + " at update " + (step + 1) + " of " + steps);
                    }
                    collector.backward(loss);
                }
                for (Parameter parameter : trainable) {
                    NDArray weight = parameter.getArray();
                    // getGradient() wraps the native gradient anew on every call: own the wrapper
                    NDArray gradient = weight.getGradient();
                    gradient.attach(scope);
                    adam.update(parameter.getId(), weight, gradient);
                }
            }
        }
    }

    /**
     * Arg-max of the probe's logits in inference mode (spec §6.1: tanh is monotone, so raw logits).
     *
     * @param probe the trained probe
     * @param x N×D standardised features
     * @return N predicted classes
     */
    static int[] predict(Block probe, NDArray x) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        int n = Math.toIntExact(x.getShape().get(0));
        int[] out = new int[n];
        for (int from = 0; from < n; from += PREDICT_ROWS) {
            int to = Math.min(n, from + PREDICT_ROWS);
            try (NDManager scope = x.getManager().newSubManager()) {
                scope.tempAttachAll(x);
                NDArray logits = probe.forward(store, new NDList(x.get(from + ":" + to)), false)
                        .singletonOrThrow();
                long[] classes = logits.argMax(1).toLongArray();
                for (int i = 0; i < classes.length; i++) {
                    out[from + i] = (int) classes[i];
                }
            }
        }
        return out;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
