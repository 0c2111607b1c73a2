package io.amdim4j.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code RUN_DIR/eval.json}: what was evaluated (checkpoint, data, settings), every
 * method's full report and where it ran. The one reader and writer of the file: {@code amdim eval}
 * writes it, {@code amdim report} and the quick-start read it, all through these fields, so a
 * renamed field breaks the build instead of leaving the report's table blank.
 *
 * <p>Shape: the results ({@link MethodEvaluation}, {@link EvalReport}, {@link EvalResult},
 * {@link SeedOutcome}) are plain data and live here. The evaluation settings are the one part
 * whose type belongs to a higher package ({@code eval.EvalConfig}, with its protocols and grids),
 * and {@code run} imports no other amdim4j package, so the record is generic in them: {@code eval}
 * reads and writes {@code EvalJson<EvalConfig>}, a reader that does not show the settings (the
 * report) reads {@code EvalJson<JsonNode>}. Written with the run's JSON conventions ({@link
 * RunJson}: snake_case keys) and atomically, so a reader never sees half a file.
 *
 * <p>{@code amdim eval} rewrites the file as each method finishes, with the methods still to run in
 * {@code pending}: an evaluation of a large data set takes an hour or more, and a kill near the end
 * should not lose the methods already scored.
 *
 * @param <C> type of the evaluation settings
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
public record EvalJson<C>(String checkpoint, String dataset, String trainSplit, String testSplit, C config,
        long randomInitSeed, List<MethodEvaluation> methods, List<String> pending, double seconds,
        Provenance provenance) {

    /** Copies the lists and checks that nothing is missing. */
    public EvalJson {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trainSplit, "trainSplit");
        Objects.requireNonNull(testSplit, "testSplit");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(methods, "methods");
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
        return RunJson.bytes(this);
    }

    /**
     * Atomically replaces {@code file} with this evaluation.
     *
     * @param file e.g. {@code RunDirectory.eval()}
     * @throws IOException naming the file if it cannot be written
     */
    public void write(Path file) throws IOException {
        RunJson.write(file, this, "the evaluation");
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param <C> type of the evaluation settings
     * @param file an eval.json
     * @param settings class of the evaluation settings; {@code JsonNode.class} to keep them as a tree
     * @return its content
     * @throws IOException naming the file if it is missing or not an evaluation
     */
    public static <C> EvalJson<C> read(Path file, Class<C> settings) throws IOException {
        return RunJson.read(file, EvalJson.class, settings, "eval.json");
    }
}
