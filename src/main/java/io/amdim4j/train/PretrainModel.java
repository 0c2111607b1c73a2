package io.amdim4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.amdim4j.model.Encoder;
import io.amdim4j.runtime.EngineSeed;
import io.amdim4j.model.LinearProbe;
import io.amdim4j.model.MixtureHead;
import io.amdim4j.model.MlpProbe;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every block that pre-training optimises with one Adam (spec §7): the encoder, the online MLP
 * and linear probes (§6.1) and, when enabled, the mixture network (§4). Parameters are named
 * {@code <block>/<DJL path>} in checkpoints.
 */
public final class PretrainModel implements AutoCloseable {

    /** Checkpoint name prefix of the encoder's parameters. */
    static final String ENCODER = "encoder";

    private final NDManager manager;
    private final Encoder encoder;
    private final MlpProbe mlpProbe;
    private final LinearProbe linearProbe;
    private final MixtureHead mixtureHead;
    private final Map<String, Block> blocks = new LinkedHashMap<>();

    /**
     * Builds and initialises all blocks from the engine generator seeded with {@code initSeed}.
     *
     * @param config the run
     * @param numClasses classes of the online probes
     * @param initSeed seed of the initialisation stream
     * @param parent manager that owns the parameters' sub-manager
     */
    public PretrainModel(TrainConfig config, int numClasses, long initSeed, NDManager parent) {
        this.manager = parent.newSubManager();
        EngineSeed.apply(initSeed);
        int r = config.encoder().nRkhs();
        encoder = Encoder.builder().setConfig(config.encoder()).build();
        encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(2));
        mlpProbe = MlpProbe.builder().setNumClasses(numClasses).build();
        mlpProbe.initialize(manager, DataType.FLOAT32, new Shape(2, r));
        linearProbe = LinearProbe.builder().setNumClasses(numClasses).build();
        linearProbe.initialize(manager, DataType.FLOAT32, new Shape(2, r));
        blocks.put(ENCODER, encoder);
        blocks.put("mlp_probe", mlpProbe);
        blocks.put("linear_probe", linearProbe);
        if (config.mixture().enabled()) {
            mixtureHead = MixtureHead.builder().setNRkhs(r).setComponents(config.mixture().components()).build();
            mixtureHead.initialize(manager, DataType.FLOAT32, new Shape(2, r));
            blocks.put("mixture", mixtureHead);
        } else {
            mixtureHead = null;
        }
    }

    Encoder encoder() {
        return encoder;
    }

    MlpProbe mlpProbe() {
        return mlpProbe;
    }

    LinearProbe linearProbe() {
        return linearProbe;
    }

    Optional<MixtureHead> mixtureHead() {
        return Optional.ofNullable(mixtureHead);
    }

    public NDManager manager() {
        return manager;
    }

    /** Every parameter, batch-norm running statistics included, by checkpoint name. */
    Map<String, Parameter> parameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        blocks.forEach((name, block) -> CheckpointParameters.name(name, block, out));
        return out;
    }

    /** The parameters that receive gradients, i.e. what Adam updates. */
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        parameters().forEach((name, p) -> {
            if (p.requiresGradient()) {
                out.put(name, p);
            }
        });
        return out;
    }

    /** Copies of every parameter, named, in {@code target}. */
    NDList state(NDManager target) {
        NDList out = new NDList();
        parameters().forEach((name, p) -> {
            NDArray copy = p.getArray().duplicate();
            copy.attach(target);
            copy.setName(name);
            out.add(copy);
        });
        return out;
    }

    /** Restores {@link #state}; a missing, unexpected or mis-shaped entry is an error naming {@code source}. */
    void loadState(NDList state, String source) throws IOException {
        CheckpointParameters.restore(parameters(), state, "", source);
    }

    @Override
    public void close() {
        manager.close();
    }
}
