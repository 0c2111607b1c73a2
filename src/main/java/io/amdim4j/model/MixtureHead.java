package io.amdim4j.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The mixture network m_k of spec §4.2 (paper Sec. 3.7): k mixture features of the global
 * embedding r1, from one fully connected ReLU hidden layer with a residual connection.
 *
 * <p>h = ReLU(W_a·r1 + b_a), Δ = W_b·h + b_b, and f^j = r1 + Δ_j, where Δ_j is the j-th of k
 * consecutive chunks of length R. Input [r1 (N×R)], output [f (N×k×R)], f[:, j, :] = f^j.
 *
 * <p>Every weight and bias starts U(±1/√fan_in) (spec §4.2): W_b and b_b must never both start at
 * zero, or the k components would stay identical forever. The initialisers belong to the
 * parameters, so do not override them with a blanket {@code setInitializer} on a parent block.
 */
public final class MixtureHead extends AbstractBlock {

    private static final byte VERSION = 1;

    private final long nRkhs;
    private final long hidden;
    private final int components;

    private final Parameter weightA;
    private final Parameter biasA;
    private final Parameter weightB;
    private final Parameter biasB;

    private MixtureHead(Builder builder) {
        super(VERSION);
        nRkhs = builder.nRkhs;
        hidden = builder.hidden > 0 ? builder.hidden : builder.nRkhs;
        components = builder.components;
        UniformInitializer fromR1 = new UniformInitializer((float) (1.0 / Math.sqrt(nRkhs)));
        UniformInitializer fromHidden = new UniformInitializer((float) (1.0 / Math.sqrt(hidden)));
        weightA = addParameter(parameter("weight_a", Parameter.Type.WEIGHT, fromR1));
        biasA = addParameter(parameter("bias_a", Parameter.Type.BIAS, fromR1));
        weightB = addParameter(parameter("weight_b", Parameter.Type.WEIGHT, fromHidden));
        biasB = addParameter(parameter("bias_b", Parameter.Type.BIAS, fromHidden));
    }

    private static Parameter parameter(String name, Parameter.Type type, UniformInitializer initializer) {
        return Parameter.builder().setName(name).setType(type).optInitializer(initializer).build();
    }

    /** Embedding width R. */
    long getNRkhs() {
        return nRkhs;
    }

    /** Hidden width H. */
    long getHidden() {
        return hidden;
    }

    /** Number k of mixture features. */
    int getComponents() {
        return components;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray r1 = inputs.singletonOrThrow();
        checkInput(r1.getShape());
        long n = r1.getShape().get(0);
        NDArray h = Activation.relu(Linear.linear(
                        r1,
                        parameterStore.getValue(weightA, r1.getDevice(), training),
                        parameterStore.getValue(biasA, r1.getDevice(), training))
                .singletonOrThrow()); // N×H
        NDArray delta = Linear.linear(
                        h,
                        parameterStore.getValue(weightB, r1.getDevice(), training),
                        parameterStore.getValue(biasB, r1.getDevice(), training))
                .singletonOrThrow(); // N×kR, chunk j = Δ_j
        return new NDList(delta.reshape(n, components, nRkhs).add(r1.expandDims(1))); // N×k×R
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInput(inputShapes[0]);
        return new Shape[] {new Shape(inputShapes[0].get(0), components, nRkhs)};
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        if (inputShapes.length != 1) {
            throw new IllegalArgumentException("MixtureHead takes one input r1, got " + inputShapes.length);
        }
        checkInput(inputShapes[0]);
    }

    /** {@inheritDoc} */
    @Override
    protected void prepare(Shape[] inputShapes) {
        weightA.setShape(new Shape(hidden, nRkhs));
        biasA.setShape(new Shape(hidden));
        weightB.setShape(new Shape(components * nRkhs, hidden));
        biasB.setShape(new Shape(components * nRkhs));
    }

    private void checkInput(Shape shape) {
        if (shape.dimension() != 2 || shape.get(1) != nRkhs) {
            throw new IllegalArgumentException("MixtureHead expects r1 of shape N×" + nRkhs + ", got " + shape);
        }
    }

    /** {@inheritDoc} */
    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        os.writeLong(nRkhs);
        os.writeLong(hidden);
        os.writeInt(components);
        saveInputShapes(os);
    }

    /** {@inheritDoc} */
    @Override
    protected void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException(
                    "MixtureHead: unsupported version " + loadVersion + ", expected " + VERSION);
        }
        long savedRkhs = is.readLong();
        long savedHidden = is.readLong();
        int savedComponents = is.readInt();
        if (savedRkhs != nRkhs || savedHidden != hidden || savedComponents != components) {
            throw new MalformedModelException(String.format(
                    "MixtureHead: saved R=%d, H=%d, k=%d do not match this block's R=%d, H=%d, k=%d",
                    savedRkhs, savedHidden, savedComponents, nRkhs, hidden, components));
        }
        readInputShapes(is);
    }

    /** A builder of {@link MixtureHead}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder: {@code setNRkhs} and {@code setComponents} are required, {@code optHidden} is not. */
    public static final class Builder {

        private long nRkhs;
        private long hidden;
        private int components;

        private Builder() {}

        /** Sets the embedding width R of r1 and of every mixture feature. */
        public Builder setNRkhs(long nRkhs) {
            this.nRkhs = nRkhs;
            return this;
        }

        /** Sets the number k of mixture features (spec §4.2 default 4). */
        public Builder setComponents(int components) {
            this.components = components;
            return this;
        }

        /** Sets the hidden width H; default R (spec §4.2). */
        Builder optHidden(long hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Validates the settings and builds the block. */
        public MixtureHead build() {
            validate();
            return new MixtureHead(this);
        }

        private void validate() {
            if (nRkhs < 1) {
                throw new IllegalArgumentException("MixtureHead nRkhs (R) must be >= 1, got " + nRkhs);
            }
            if (components < 1) {
                throw new IllegalArgumentException("MixtureHead components (k) must be >= 1, got " + components);
            }
            if (hidden < 0) {
                throw new IllegalArgumentException(
                        "MixtureHead hidden width must be >= 1 (or unset for R), got " + hidden);
            }
        }
    }
}
