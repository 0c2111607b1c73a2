package io.amdim4j.model;

import io.amdim4j.runtime.EngineSeed;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;
import java.util.Optional;

/**
 * The AMDIM encoder of spec §2: the trunk of the §2.3 layer table for 32, 64 or 128 px, plus the
 * heads φ5 and φ7.
 *
 * <p>{@code forward} takes one N×C_in×S×S batch (one view; views are forwarded separately, spec
 * §2.2) and returns {@code [r1 (N×R), r5 (N×R×5×5), r7 (N×R×7×7)]}: r1 is the final BN output
 * flattened, with no head and no normalisation; r5 = φ5(tap5), r7 = φ7(tap7).
 *
 * <p>Children (reference state-dict words): one {@code layer_list} per applied trunk layer, in
 * order, then {@code rkhs_block_5} and {@code rkhs_block_7}. The optional BN layers are not created
 * when {@code use_bn = false} (spec §9 #18), so DJL's numeric prefixes differ from the reference
 * indices; {@link ReferenceWeights} holds the mapping.
 *
 * <p>Every parameter has an explicit initialiser (spec §2.4). They draw from the engine's
 * generator: call {@link EngineSeed#apply EngineSeed.apply(seed)} before {@code initialize} for a
 * reproducible encoder, and do not pass other initialisers through a training config.
 */
public final class Encoder extends CheckedBlock {

    /** Position of r1 in the output list. */
    public static final int R1 = 0;

    /** Position of r5 in the output list. */
    public static final int R5 = 1;

    /** Position of r7 in the output list. */
    public static final int R7 = 2;

    /** Side of the r5 map (spec §2.3). */
    public static final int R5_SIDE = 5;

    /** Side of the r7 map (spec §2.3). */
    public static final int R7_SIDE = 7;

    private final EncoderConfig config;
    private final EncoderLayout layout;
    /** Trunk blocks by reference index K; null where the layer is not applied. */
    private final Block[] layers;

    private final EmbeddingHead head5;
    private final EmbeddingHead head7;

    private Encoder(Builder builder) {
        config = builder.config;
        layout = EncoderLayout.of(config);
        layers = new Block[layout.layers().size()];
        for (LayerSpec spec : layout.layers()) {
            if (spec.isApplied(config.useBn())) {
                layers[spec.index()] = addChildBlock("layer_list", trunkBlock(spec));
            }
        }
        head5 = addChildBlock(EncoderSummary.HEAD5_NAME, head());
        head7 = addChildBlock(EncoderSummary.HEAD7_NAME, head());
    }

    /**
     * Creates a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private Block trunkBlock(LayerSpec spec) {
        return switch (spec.kind()) {
            case STEM_CONV -> StemConv.builder()
                    .setKernelSize(spec.kernel())
                    .optStride(spec.stride())
                    .optReflectPad(spec.reflectPad())
                    .setOutChannels(spec.outChannels())
                    .build();
            case RESIDUAL_UNIT -> ResidualUnit.builder()
                    .setKernelSize(spec.kernel())
                    .optStride(spec.stride())
                    .setOutChannels(spec.outChannels())
                    .optBatchNorm(config.useBn())
                    .build();
            case RESIDUAL_BLOCK -> ResidualBlock.builder()
                    .setKernelSize(spec.kernel())
                    .optStride(spec.stride())
                    .setOutChannels(spec.outChannels())
                    .setDepth(spec.units())
                    .optBatchNorm(config.useBn())
                    .build();
            case OPTIONAL_BN, FINAL_BN -> AmdimBatchNorm.create();
        };
    }

    private EmbeddingHead head() {
        return EmbeddingHead.builder()
                .setOutChannels(config.nRkhs())
                .optBatchNorm(config.useBn())
                .build();
    }

    @Override
    NDList forwardChecked(
            ParameterStore parameterStore, NDArray x, boolean training, PairList<String, Object> params) {
        NDList h = new NDList(x);
        NDList tap7 = null;
        NDList tap5 = null;
        for (LayerSpec spec : layout.layers()) {
            Block block = layers[spec.index()];
            if (block != null) {
                h = block.forward(parameterStore, h, training, params);
            }
            if (spec.index() == layout.tap7Layer()) {
                tap7 = h;
            } else if (spec.index() == layout.tap5Layer()) {
                tap5 = h;
            }
        }
        NDArray r1 = h.head().reshape(x.getShape().get(0), config.nRkhs());
        NDArray r5 = head5.forward(parameterStore, tap5, training, params).head();
        NDArray r7 = head7.forward(parameterStore, tap7, training, params).head();
        return new NDList(r1, r5, r7);
    }

    @Override
    Shape[] outputShapes(Shape in) {
        Shape[] shapes = {in};
        Shape[] tap7 = null;
        Shape[] tap5 = null;
        for (LayerSpec spec : layout.layers()) {
            Block block = layers[spec.index()];
            if (block != null) {
                shapes = block.getOutputShapes(shapes);
            }
            if (spec.index() == layout.tap7Layer()) {
                tap7 = shapes;
            } else if (spec.index() == layout.tap5Layer()) {
                tap5 = shapes;
            }
        }
        return new Shape[] {
            new Shape(in.get(0), config.nRkhs()),
            head5.getOutputShapes(tap5)[0],
            head7.getOutputShapes(tap7)[0]
        };
    }

    @Override
    void initializeChildren(NDManager manager, DataType dataType, Shape in) {
        Shape[] shapes = {in};
        for (LayerSpec spec : layout.layers()) {
            Block block = layers[spec.index()];
            if (block != null) {
                block.initialize(manager, dataType, shapes);
                shapes = block.getOutputShapes(shapes);
            }
            if (spec.index() == layout.tap7Layer()) {
                head7.initialize(manager, dataType, shapes);
            } else if (spec.index() == layout.tap5Layer()) {
                head5.initialize(manager, dataType, shapes);
            }
        }
    }

    /**
     * The configuration this encoder was built from.
     *
     * @return the configuration
     */
    public EncoderConfig getConfig() {
        return config;
    }

    /**
     * The layer table (spec §2.3).
     *
     * @return the layout
     */
    EncoderLayout getLayout() {
        return layout;
    }

    /**
     * Layer rows and parameter counts, by arithmetic (spec §2.3, §2.5).
     *
     * @return the summary
     */
    public EncoderSummary summary() {
        return EncoderSummary.of(config);
    }

    /**
     * The input shape N×C_in×S×S for a batch of N images, e.g. for {@code initialize}.
     *
     * @param batch N
     * @return the shape
     */
    public Shape inputShape(long batch) {
        return new Shape(batch, config.numChannels(), config.inputSize(), config.inputSize());
    }

    /**
     * The trunk block of reference layer K, empty when the layer is not applied.
     *
     * @param index K
     * @return the block
     */
    Optional<Block> layer(int index) {
        return Optional.ofNullable(layers[index]);
    }

    EmbeddingHead head5() {
        return head5;
    }

    EmbeddingHead head7() {
        return head7;
    }

    @Override
    void checkInput(Shape in) {
        int size = config.inputSize();
        if (in.dimension() != 4
                || in.get(1) != config.numChannels()
                || in.get(2) != size
                || in.get(3) != size) {
            throw new IllegalArgumentException(
                    "Encoder expects N×" + config.numChannels() + "×" + size + "×" + size
                            + " input, got " + in);
        }
    }

    /** Builder for {@link Encoder}. */
    public static final class Builder {

        private EncoderConfig config;

        private Builder() {}

        /**
         * Sets the configuration (required).
         *
         * @param encoderConfig the hyper-parameters
         * @return this builder
         */
        public Builder setConfig(EncoderConfig encoderConfig) {
            config = encoderConfig;
            return this;
        }

        /**
         * Validates and builds the encoder.
         *
         * @return the encoder
         */
        public Encoder build() {
            Objects.requireNonNull(config, "Encoder needs a config (setConfig)");
            return new Encoder(this);
        }
    }
}
