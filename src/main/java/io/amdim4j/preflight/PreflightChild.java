package io.amdim4j.preflight;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.amdim4j.model.Encoder;
import io.amdim4j.run.RunJson;
import java.util.Random;

/**
 * The preflight's child JVM: one forward and one backward pass of exactly the combination given as
 * its argument (JSON of a {@link PreflightCombination}), on random pixels. Exit status 0 when both
 * passes finish; 1, with one line {@value #FAILED} on stderr, when the engine throws. A native crash
 * ends it by a signal, which the parent reads from its exit status and crash report.
 */
public final class PreflightChild {

    /** Prefix of the line a failed (not crashed) child prints last. */
    static final String FAILED = "preflight failed: ";

    private interface CLibrary extends Library {
        int raise(int sig);
    }

    private PreflightChild() {}

    /**
     * Runs the passes and exits.
     *
     * @param args one argument: the combination as JSON
     */
    public static void main(String[] args) {
        try {
            PreflightCombination combination = RunJson.mapper().readValue(args[0], PreflightCombination.class);
            String rule = PreflightTestCrash.parse(System.getProperty(Preflight.TEST_CRASH_PROPERTY))
                    .ruleFor(combination.precision()).orElse(null);
            if (rule != null && rule.equalsIgnoreCase(PreflightTestCrash.FAIL)) {
                throw new IllegalStateException("test-only failure asked for by " + Preflight.TEST_CRASH_PROPERTY);
            }
            if (rule != null) {
                // a real signal, delivered as a native bug's would be: the JVM's handler reports it and aborts
                Native.load("c", CLibrary.class).raise(Signal.parse(rule).number);
            }
            forwardAndBackward(combination);
        } catch (Exception | LinkageError e) {
            System.err.println(FAILED + e);
            System.err.flush();
            System.exit(1);
        }
        System.exit(0); // the engine's threads would keep the JVM alive
    }

    private static void forwardAndBackward(PreflightCombination c) {
        try (NDManager manager = c.device().newBaseManager()) {
            Encoder encoder = Encoder.builder().setConfig(c.encoder()).build();
            encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(c.batch()));
            float[] pixels = new float[Math.toIntExact(encoder.inputShape(c.batch()).size())];
            Random random = new Random(1);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            ParameterStore store = new ParameterStore(manager, false);
            try (NDManager step = manager.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = c.precision().memoryFormat().input(step, pixels, encoder.inputShape(c.batch()));
                // training mode, as pre-training runs it, where batch norm has two images for its variance
                NDList out = c.precision().forward(encoder, store, x, c.batch() > 1);
                NDArray total = out.stream().map(NDArray::sum).reduce(NDArray::add).orElseThrow();
                collector.backward(total);
                total.toFloatArray(); // waits for the passes
            }
        }
    }
}
