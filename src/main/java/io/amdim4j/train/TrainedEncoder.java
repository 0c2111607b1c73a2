package io.amdim4j.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.amdim4j.augment.AugmentConfig;
import io.amdim4j.model.Encoder;
import io.amdim4j.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The encoder of a pre-training run, rebuilt from a checkpoint alone (the checkpoint embeds the
 * run's {@link TrainConfig}): the one place where {@code amdim export}, {@code amdim embed},
 * evaluation and reports get a trained encoder and the augmentation family whose test transform
 * (spec §5.5) prepares its input.
 *
 * <p>Every encoder parameter is restored, the batch-norm running statistics included (spec §2.2:
 * inference uses them), so a forward pass in inference mode reproduces the run's encoder.
 *
 * @param encoder the initialised encoder; its arrays live in the manager given to {@link #load}
 * @param augment the run's augmentation family ({@code config.augment()})
 * @param config the run's configuration, as stored in the checkpoint
 * @param checkpoint the checkpoint file that was read
 */
public record TrainedEncoder(Encoder encoder, AugmentConfig augment, TrainConfig config, Path checkpoint) {

    /**
     * Prefix of the encoder's parameters in a pre-training checkpoint, which names each parameter
     * {@code <block>/<DJL path>} (see {@code PretrainModel.parameters()}).
     */
    static final String CHECKPOINT_PREFIX = PretrainModel.ENCODER + "/";

    /**
     * Checks that nothing is missing.
     *
     * @param encoder required
     * @param augment required
     * @param config required
     * @param checkpoint required
     * @throws NullPointerException naming a missing part
     */
    public TrainedEncoder {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(augment, "augment");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /**
     * Loads the encoder of a checkpoint file, or of the newest readable checkpoint of a run
     * directory; damaged checkpoints skipped on the way are not reported (see {@link #load(Path,
     * NDManager, List)}).
     *
     * @param checkpointOrRunDir a checkpoint file ({@code RUN_DIR/checkpoints/step-*.ckpt}) or a run
     *     directory
     * @param manager owns the encoder's parameters; close it to free them
     * @return the encoder with its run's configuration
     * @throws IOException naming the file if nothing readable is there or the parameters do not
     *     fit the stored configuration
     */
    public static TrainedEncoder load(Path checkpointOrRunDir, NDManager manager) throws IOException {
        return load(checkpointOrRunDir, manager, new ArrayList<>());
    }

    /**
     * As {@link #load(Path, NDManager)}, adding a line to {@code warnings} for each damaged
     * checkpoint of a run directory that was skipped in favour of an older one.
     *
     * @param checkpointOrRunDir a checkpoint file or a run directory
     * @param manager owns the encoder's parameters
     * @param warnings receives the skipped checkpoints
     * @return the encoder with its run's configuration
     * @throws IOException naming the file if nothing readable is there or the parameters do not fit
     */
    public static TrainedEncoder load(Path checkpointOrRunDir, NDManager manager, List<String> warnings)
            throws IOException {
        Objects.requireNonNull(checkpointOrRunDir, "checkpointOrRunDir");
        if (!Files.exists(checkpointOrRunDir)) {
            throw new IOException(checkpointOrRunDir + " does not exist: expected a checkpoint file or a run directory");
        }
        // the checkpoint also holds the probes and the Adam moments: read it into a scope of its own
        try (NDManager scratch = manager.newSubManager()) {
            Checkpoint stored;
            Path file;
            if (Files.isDirectory(checkpointOrRunDir)) {
                RunDirectory run = new RunDirectory(checkpointOrRunDir);
                stored = Checkpoint.latest(run, scratch, warnings);
                file = run.checkpoint(stored.cursor().step());
            } else {
                stored = Checkpoint.read(checkpointOrRunDir, scratch);
                file = checkpointOrRunDir;
            }
            TrainConfig config = stored.config();
            Encoder encoder = Encoder.builder().setConfig(config.encoder()).build();
            encoder.initialize(manager, DataType.FLOAT32, encoder.inputShape(1));
            restore(encoder, stored, file);
            return new TrainedEncoder(encoder, config.augment(), config, file);
        }
    }

    /** Copies every {@code encoder/…} array of the checkpoint into the fresh encoder's parameter. */
    private static void restore(Encoder encoder, Checkpoint stored, Path file) throws IOException {
        Map<String, Parameter> params = new LinkedHashMap<>();
        CheckpointParameters.name(PretrainModel.ENCODER, encoder, params);
        CheckpointParameters.restore(params, stored.parameters(), CHECKPOINT_PREFIX, file.toString());
    }
}
