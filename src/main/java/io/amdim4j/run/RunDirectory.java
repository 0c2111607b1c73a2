package io.amdim4j.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of a run directory, in one place so that training, evaluation and reports agree:
 *
 * <pre>
 * RUN_DIR/config.json          resolved configuration and provenance, written before the first update
 * RUN_DIR/metrics.jsonl        one JSON record per update and per epoch
 * RUN_DIR/checkpoints/step-00000042.ckpt   atomic, checksummed checkpoints
 * RUN_DIR/eval.json            results of amdim eval
 * RUN_DIR/report/              amdim report output
 * RUN_DIR/.lock                held (with the writer's pid) while pretrain writes the run; see RunLock
 * </pre>
 */
public record RunDirectory(Path root) {

    private static final Pattern CHECKPOINT = Pattern.compile("step-(\\d+)\\.ckpt");

    public Path config() {
        return root.resolve("config.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path checkpoint(long step) {
        return checkpoints().resolve(String.format("step-%08d.ckpt", step));
    }

    public Path eval() {
        return root.resolve("eval.json");
    }

    public Path report() {
        return root.resolve("report");
    }

    public Path lock() {
        return root.resolve(".lock");
    }

    /** Checkpoint files, newest (highest step) first. */
    public List<Path> checkpointsNewestFirst() throws IOException {
        if (!Files.isDirectory(checkpoints())) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(checkpoints())) {
            files.filter(p -> CHECKPOINT.matcher(p.getFileName().toString()).matches()).forEach(out::add);
        }
        out.sort(Comparator.comparingLong(RunDirectory::stepOf).reversed());
        return out;
    }

    /** The update count in a checkpoint's file name. */
    static long stepOf(Path checkpoint) {
        Matcher m = CHECKPOINT.matcher(checkpoint.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(checkpoint + " is not named like a checkpoint (step-N.ckpt)");
        }
        return Long.parseLong(m.group(1));
    }
}
