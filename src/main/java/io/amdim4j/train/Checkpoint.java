package io.amdim4j.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.run.CheckpointFile;
import io.amdim4j.run.RunDirectory;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-training checkpoint (spec §7 design decision: everything): the configuration, the cursor,
 * every parameter (batch-norm statistics included) and the Adam moments, in a checksummed
 * {@link CheckpointFile}. The master seed in the configuration plus the cursor restore every
 * random stream, because all of them are derived from (seed, purpose, position).
 *
 * @param config the run's configuration
 * @param cursor where the run stands
 * @param parameters named parameters ({@link PretrainModel#state})
 * @param optimizer named Adam state ({@link CoupledL2Adam#state})
 */
public record Checkpoint(TrainConfig config, TrainingCursor cursor, NDList parameters, NDList optimizer) {

    /** Captures the current state of a run. */
    static Checkpoint capture(TrainConfig config, TrainingCursor cursor, PretrainModel model,
            CoupledL2Adam adam, NDManager manager) {
        return new Checkpoint(config, cursor, model.state(manager), adam.state(manager));
    }

    /** Writes atomically to {@code run}'s checkpoint for the cursor's step, then prunes old ones. */
    Path save(RunDirectory run, int keep) throws IOException {
        ObjectNode header = RunJson.mapper().createObjectNode();
        header.set("config", RunJson.mapper().valueToTree(config));
        header.set("cursor", RunJson.mapper().valueToTree(cursor));
        Path target = run.checkpoint(cursor.step());
        new CheckpointFile(RunJson.mapper().writeValueAsString(header),
                List.of(parameters.encode(), optimizer.encode())).write(target);
        List<Path> all = run.checkpointsNewestFirst();
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
        }
        return target;
    }

    /** Reads one checkpoint file; damage is an IOException naming it. */
    public static Checkpoint read(Path file, NDManager manager) throws IOException {
        return parse(CheckpointFile.read(file), manager, file.toString());
    }

    /**
     * Parses the bytes of a checkpoint file (e.g. broadcast by the process that read it).
     *
     * @param file the file the bytes came from, for messages
     */
    public static Checkpoint decode(byte[] bytes, NDManager manager, String file) throws IOException {
        return parse(CheckpointFile.decode(bytes, file), manager, file);
    }

    private static Checkpoint parse(CheckpointFile raw, NDManager manager, String file) throws IOException {
        JsonNode header = RunJson.mapper().readTree(raw.header());
        if (raw.sections().size() != 2 || header.get("config") == null || header.get("cursor") == null) {
            throw new IOException(file + " is not a pre-training checkpoint (unexpected layout)");
        }
        TrainConfig config = RunJson.mapper().treeToValue(header.get("config"), TrainConfig.class);
        TrainingCursor cursor = RunJson.mapper().treeToValue(header.get("cursor"), TrainingCursor.class);
        return new Checkpoint(config, cursor, NDList.decode(manager, raw.sections().get(0)),
                NDList.decode(manager, raw.sections().get(1)));
    }

    /**
     * The newest readable checkpoint of a run; damaged ones are skipped and reported through
     * {@code warnings}, so a kill during a write or a corrupted file falls back to the previous one.
     */
    static Checkpoint latest(RunDirectory run, NDManager manager, List<String> warnings) throws IOException {
        List<Path> files = run.checkpointsNewestFirst();
        if (files.isEmpty()) {
            throw new IOException("no checkpoint in " + run.checkpoints());
        }
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                Checkpoint c = read(f, manager);
                warnings.addAll(problems);
                return c;
            } catch (IOException | RuntimeException e) {
                problems.add("skipping damaged checkpoint: " + e.getMessage());
            }
        }
        throw new IOException("no readable checkpoint in " + run.checkpoints() + ": " + String.join("; ", problems));
    }

    /** Restores the weights and optimiser state into a freshly built model. */
    void restore(PretrainModel model, CoupledL2Adam adam, String source) throws IOException {
        model.loadState(parameters, source);
        adam.loadState(optimizer, source);
    }
}
