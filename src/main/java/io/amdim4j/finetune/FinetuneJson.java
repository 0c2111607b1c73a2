package io.amdim4j.finetune;

import io.amdim4j.run.AtomicFile;
import io.amdim4j.run.Provenance;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code finetune.json} beside the exported classifier: what was fine-tuned on what, and every
 * accuracy, so the numbers in a results table can be traced to a file.
 *
 * @param checkpoint the pre-training checkpoint the encoder came from
 * @param dataset the dataset spec
 * @param trainSplit where the labelled images were drawn
 * @param testSplit the split scored
 * @param config the fine-tuning settings
 * @param result the measurements
 * @param seconds wall time of the whole experiment
 * @param provenance code, engine and machine that ran it
 */
public record FinetuneJson(String checkpoint, String dataset, String trainSplit, String testSplit,
        FinetuneConfig config, FineTuning.Result result, double seconds, Provenance provenance) {

    /** The file's name inside the export directory. */
    public static final String FILE = "finetune.json";

    /**
     * Writes {@code dir/finetune.json} atomically (temporary file, then rename), so a reader never
     * sees half a file.
     *
     * @param dir an existing directory
     * @return the file written
     * @throws IOException if the file cannot be written
     */
    public Path write(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        AtomicFile.write(file, RunJson.mapper().writeValueAsBytes(this));
        return file;
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param file the {@code finetune.json} file
     * @return its contents
     * @throws IOException if the file cannot be read or is not such JSON
     */
    public static FinetuneJson read(Path file) throws IOException {
        return RunJson.mapper().readValue(file.toFile(), FinetuneJson.class);
    }

    /**
     * Test accuracy of each row of the comparison, fine-tuned network first.
     *
     * @return (row label, top-1 accuracy in [0, 1]) pairs: the arms, then the frozen probes
     */
    public List<Map.Entry<String, Double>> table() {
        java.util.List<Map.Entry<String, Double>> rows = new java.util.ArrayList<>();
        result.arms().forEach(a -> rows.add(Map.entry(a.name(), a.testAccuracy())));
        result.frozenProbes().forEach((protocol, accuracy) -> rows.add(Map.entry("amdim, frozen, " + protocol
                + " probe", accuracy)));
        return rows;
    }
}
