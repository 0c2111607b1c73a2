package io.amdim4j.eval;

import io.amdim4j.run.AtomicFile;
import io.amdim4j.run.Provenance;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code RUN_DIR/eval.json}: what was evaluated (checkpoint, data, settings), every
 * method's full report and where it ran. Written with the run's JSON conventions ({@link
 * RunJson}: snake_case keys) and atomically, so a reader never sees half a file.
 *
 * <p>{@code amdim eval} rewrites the file as each method finishes, with the methods still to run in
 * {@code pending}: an evaluation of a large data set takes an hour or more, and a kill near the end
 * should not lose the methods already scored.
 *
 * @param checkpoint the checkpoint file whose encoder was evaluated (absolute path)
 * @param dataset dataset spec, e.g. {@code cifar10:/data/cifar-10-batches-bin}
 * @param trainSplit split the probes were fitted on (and BN re-estimated on)
 * @param testSplit split scored once
 * @param config evaluation settings
 * @param randomInitSeed engine seed of the random-init baseline
 * @param methods one entry per method finished so far, trained encoder first
 * @param pending names of the methods not evaluated yet, in run order; empty when the evaluation is
 *     complete (and when a file written before this field existed is read)
 * @param seconds wall time of the evaluation so far
 * @param provenance platform and code version
 */
public record EvalJson(String checkpoint, String dataset, String trainSplit, String testSplit, EvalConfig config,
        long randomInitSeed, List<MethodEvaluation> methods, List<String> pending, double seconds,
        Provenance provenance) {

    /** Copies the list and checks that nothing is missing. */
    public EvalJson {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trainSplit, "trainSplit");
        Objects.requireNonNull(testSplit, "testSplit");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(provenance, "provenance");
        methods = List.copyOf(methods);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /**
     * Whether every method has been evaluated.
     *
     * @return true when nothing is pending
     */
    public boolean complete() {
        return pending.isEmpty();
    }

    /**
     * The reports, in method order.
     *
     * @return one report per method
     */
    public List<EvalReport> reports() {
        return methods.stream().map(MethodEvaluation::report).toList();
    }

    /**
     * The pretty-printed JSON.
     *
     * @return UTF-8 bytes, ending in a newline
     * @throws IOException if serialisation fails
     */
    public byte[] toBytes() throws IOException {
        return (RunJson.mapper().writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Atomically replaces {@code file} with this evaluation.
     *
     * @param file e.g. {@code RunDirectory.eval()}
     * @throws IOException naming the file if it cannot be written
     */
    public void write(Path file) throws IOException {
        byte[] bytes = toBytes();
        try {
            AtomicFile.write(file, bytes);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the evaluation: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param file an eval.json
     * @return its content
     * @throws IOException naming the file if it is missing or not an evaluation
     */
    public static EvalJson read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file");
        }
        try {
            return RunJson.mapper().readValue(file.toFile(), EvalJson.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + " is not a readable eval.json: " + e.getMessage(), e);
        }
    }
}
