package io.amdim4j.cli;

import ai.djl.ndarray.NDManager;
import io.amdim4j.train.TrainedEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a command finds a trained encoder: one checkpoint file, or the newest readable checkpoint
 * of a run directory. Used as an exclusive, required {@code @ArgGroup}.
 */
final class CheckpointSource {

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "A pre-training checkpoint (RUN_DIR/checkpoints/step-*.ckpt).")
    Path checkpoint;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", converter = RunDirConverter.class,
            description = "A pre-training run directory: its newest readable checkpoint is used.")
    Path runDir;

    /**
     * Loads the encoder, printing each skipped damaged checkpoint to {@code err}.
     *
     * @throws IllegalArgumentException if --checkpoint is a directory or --run-dir does not exist
     */
    TrainedEncoder load(NDManager manager, PrintWriter err, String command) throws IOException {
        if (checkpoint != null && Files.isDirectory(checkpoint)) {
            throw new IllegalArgumentException("--checkpoint " + checkpoint + " is a directory; use --run-dir "
                    + checkpoint + " for the newest checkpoint of a run");
        }
        if (runDir != null && !Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("--run-dir " + runDir + ": no such directory");
        }
        List<String> warnings = new ArrayList<>();
        TrainedEncoder trained = TrainedEncoder.load(checkpoint != null ? checkpoint : runDir, manager, warnings);
        warnings.forEach(w -> err.println("amdim " + command + ": " + w));
        err.flush();
        return trained;
    }
}
