package io.amdim4j.embed;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.amdim4j.model.Encoder;
import io.amdim4j.model.EncoderConfig;
import java.util.Random;

/** A small encoder whose every parameter and BN statistic holds random values, for embedding tests. */
final class TinyEncoder {

    static final int NDF = 8;
    static final int N_RKHS = 64;
    static final int N_DEPTH = 1;

    private TinyEncoder() {}

    static EncoderConfig config(int channels) {
        return new EncoderConfig(32, channels, NDF, N_RKHS, N_DEPTH, false);
    }

    /**
     * Builds and initialises the encoder with a fixed engine seed, then overwrites every array with
     * values from {@code seed}: at initialisation each K2 is zero and BN is the identity, which
     * would let a wrong input path go unnoticed.
     */
    static Encoder create(NDManager manager, EncoderConfig config, long seed) {
        Engine.getInstance().setRandomSeed(42);
        Encoder encoder = Encoder.builder().setConfig(config).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(1));
        Random random = new Random(seed);
        for (Pair<String, Parameter> p : encoder.getParameters()) {
            NDArray array = p.getValue().getArray();
            float[] values = new float[(int) array.size()];
            String name = p.getKey();
            for (int i = 0; i < values.length; i++) {
                double g = random.nextGaussian();
                if (name.endsWith("runningVar")) {
                    values[i] = (float) (0.5 + random.nextDouble());
                } else if (name.endsWith("gamma")) {
                    values[i] = (float) (1 + 0.2 * g);
                } else {
                    values[i] = (float) (0.2 * g);
                }
            }
            array.set(values);
        }
        return encoder;
    }

    /** The training code path: Encoder.forward in inference mode on already-normalised N×C×S×S input. */
    static float[] forward(Encoder encoder, NDManager manager, float[] input, int n, EncoderOutput output) {
        try (NDManager step = manager.newSubManager()) {
            EncoderConfig c = encoder.getConfig();
            NDArray x = step.create(input, new Shape(n, c.numChannels(), c.inputSize(), c.inputSize()));
            NDList out = encoder.forward(new ParameterStore(step, false), new NDList(x), false);
            return out.get(output.index()).toFloatArray();
        }
    }
}
