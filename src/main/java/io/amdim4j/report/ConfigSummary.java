package io.amdim4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.ConfigJson;
import io.amdim4j.run.Provenance;
import io.amdim4j.run.RunJson;
import io.amdim4j.run.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run was, from its {@code config.json} read through {@link ConfigJson}: a short table of
 * the settings a reader looks for first (the configuration's own {@link RunSettings#highlights()},
 * then where it ran), and every field flattened to {@code a.b.c = value} for the details.
 *
 * @param highlights the key settings, in a fixed order
 * @param all every leaf of the file, in file order
 * @param datasetSpec the run's data set, as a {@code --dataset} spec
 * @param createdAt when the run started
 */
public record ConfigSummary(List<Row> highlights, List<Row> all, String datasetSpec, String createdAt) {

    /**
     * One setting.
     *
     * @param key what it is
     * @param value its value as text
     */
    public record Row(String key, String value) {}

    public ConfigSummary {
        highlights = List.copyOf(highlights);
        all = List.copyOf(all);
    }

    /**
     * Reads {@code config.json}; empty if the file does not exist.
     *
     * @param file the run's config.json
     * @param settings the class of the configuration it holds (the training code's)
     * @return the summary, if there is a file
     * @throws IOException if it exists but is not a run configuration (the message names the file)
     */
    static Optional<ConfigSummary> read(Path file, Class<? extends RunSettings> settings) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(of(ConfigJson.read(file, settings)));
    }

    /**
     * The summary of a run's configuration.
     *
     * @param file the content of config.json
     * @return its summary
     */
    public static ConfigSummary of(ConfigJson<? extends RunSettings> file) {
        List<Row> highlights = new ArrayList<>();
        file.config().highlights().forEach(h -> highlights.add(new Row(h.label(), h.value())));
        Provenance p = file.provenance();
        highlights.add(new Row("git commit", p.gitCommit()));
        highlights.add(new Row("amdim4j version", p.amdim4jVersion()));
        highlights.add(new Row("Java", p.javaVersion()));
        highlights.add(new Row("DJL", p.djlVersion()));
        highlights.add(new Row("engine", p.engine()));
        highlights.add(new Row("OS", p.os()));
        highlights.add(new Row("architecture", p.arch()));
        highlights.add(new Row("engine threads", Integer.toString(p.threads())));
        highlights.add(new Row("created", p.createdAt()));
        highlights.add(new Row("dataset checksum", file.datasetChecksum()));
        highlights.add(new Row("resumes", Integer.toString(file.history().size())));
        List<Row> all = new ArrayList<>();
        flatten("", RunJson.mapper().valueToTree(file), all);
        return new ConfigSummary(highlights, all, file.config().datasetSpec(), p.createdAt());
    }

    private static void flatten(String prefix, JsonNode node, List<Row> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else {
            out.add(new Row(prefix, node.isValueNode() ? node.asText() : node.toString()));
        }
    }
}
