package io.amdim4j.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * An image classifier made of the AMDIM encoder and a head of spec §6.1 on its r1, trained end to
 * end when fine-tuning (unlike the online probes, the head's gradient reaches the encoder here).
 * Input N×C×S×S images, output N×classes logits.
 *
 * <p>Children: {@code encoder} (an {@link Encoder}) and {@code head}.
 */
public final class EncoderClassifier extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Encoder encoder;
    private final Block head;
    private final ClassifierHead headKind;
    private final int numClasses;

    private EncoderClassifier(Builder builder) {
        super(VERSION);
        encoder = addChildBlock("encoder", builder.encoder);
        headKind = builder.head;
        numClasses = builder.numClasses;
        head = addChildBlock("head", headKind.build(numClasses));
    }

    /**
     * Starts a classifier; {@code setEncoder} and {@code setNumClasses} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The encoder child, shared with whoever built this classifier: training the classifier changes it.
     *
     * @return the encoder
     */
    public Encoder encoder() {
        return encoder;
    }

    /**
     * The head child, mapping r1 of shape (N, n_rkhs) to logits of shape (N, classes).
     *
     * @return the head's block
     */
    public Block head() {
        return head;
    }

    /**
     * Which head this is, as options and exports name it.
     *
     * @return {@link ClassifierHead#LINEAR} or {@link ClassifierHead#MLP}
     */
    public ClassifierHead headKind() {
        return headKind;
    }

    /**
     * The number of logits per image.
     *
     * @return at least 2
     */
    public int numClasses() {
        return numClasses;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList r1 = new NDList(encoder.forward(parameterStore, inputs, training, params).get(0));
        return head.forward(parameterStore, r1, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (!encoder.isInitialized()) {
            encoder.initialize(manager, dataType, inputShapes);
        }
        head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), encoder.getConfig().nRkhs()));
    }

    /** Builds a classifier around an encoder (initialised or not) with a fresh head. */
    public static final class Builder {
        private Encoder encoder;
        private ClassifierHead head = ClassifierHead.LINEAR;
        private int numClasses;

        private Builder() {}

        /**
         * The encoder; an initialised one keeps its parameters (a pre-trained encoder).
         *
         * @param encoder the encoder, required
         * @return this builder
         */
        public Builder setEncoder(Encoder encoder) {
            this.encoder = encoder;
            return this;
        }

        /**
         * The number of classes, required.
         *
         * @param classes at least 2
         * @return this builder
         */
        public Builder setNumClasses(int classes) {
            numClasses = classes;
            return this;
        }

        /**
         * The head on r1 (default: linear).
         *
         * @param head the kind of head
         * @return this builder
         */
        public Builder optHead(ClassifierHead head) {
            this.head = head;
            return this;
        }

        /**
         * Builds the classifier with a fresh, uninitialised head.
         *
         * @return the classifier
         * @throws NullPointerException if the encoder or head is missing
         * @throws IllegalArgumentException if fewer than 2 classes were set
         */
        public EncoderClassifier build() {
            Objects.requireNonNull(encoder, "encoder");
            Objects.requireNonNull(head, "head");
            if (numClasses < 2) {
                throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + numClasses);
            }
            return new EncoderClassifier(this);
        }
    }
}
