package io.amdim4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run was, from its {@code config.json} (the resolved configuration and provenance written
 * before the first update): a short table of the settings a reader looks for first, and every
 * setting flattened to {@code a.b.c = value} for the details. Read as a JSON tree, so a newer or
 * older config with other fields still gives a report.
 *
 * @param highlights the key settings that are present, in a fixed order
 * @param all every leaf of the file, in file order
 */
public record ConfigSummary(List<Row> highlights, List<Row> all) {

    /**
     * One setting.
     *
     * @param key what it is
     * @param value its value as text
     */
    public record Row(String key, String value) {}

    /** The highlights: label and JSON pointer into config.json. */
    private static final List<Map.Entry<String, String>> HIGHLIGHTS = List.of(
            Map.entry("dataset", "/config/data/dataset"),
            Map.entry("train split", "/config/data/train_split"),
            Map.entry("test split", "/config/data/test_split"),
            Map.entry("master seed", "/config/data/seed"),
            Map.entry("input size (px)", "/config/encoder/input_size"),
            Map.entry("channels", "/config/encoder/num_channels"),
            Map.entry("ndf", "/config/encoder/ndf"),
            Map.entry("n_rkhs", "/config/encoder/n_rkhs"),
            Map.entry("n_depth", "/config/encoder/n_depth"),
            Map.entry("use_bn", "/config/encoder/use_bn"),
            Map.entry("augmentation", "/config/augment/name"),
            Map.entry("tclip", "/config/nce/tclip"),
            Map.entry("score regulariser weight", "/config/nce/score_reg_weight"),
            Map.entry("mixtures", "/config/mixture/enabled"),
            Map.entry("epochs", "/config/epochs"),
            Map.entry("max steps (0 = none)", "/config/max_steps"),
            Map.entry("batch size", "/config/batch_size"),
            Map.entry("learning rate", "/config/optim/lr"),
            Map.entry("warm-up updates", "/config/optim/warmup_updates"),
            Map.entry("lr milestones (epochs)", "/config/optim/milestones"),
            Map.entry("git commit", "/provenance/git_commit"),
            Map.entry("amdim4j version", "/provenance/amdim4j_version"),
            Map.entry("Java", "/provenance/java_version"),
            Map.entry("DJL", "/provenance/djl_version"),
            Map.entry("engine", "/provenance/engine"),
            Map.entry("OS", "/provenance/os"),
            Map.entry("architecture", "/provenance/arch"),
            Map.entry("engine threads", "/provenance/threads"),
            Map.entry("created", "/provenance/created_at"),
            Map.entry("dataset checksum", "/dataset_checksum"));

    public ConfigSummary {
        highlights = List.copyOf(highlights);
        all = List.copyOf(all);
    }

    /**
     * Reads {@code config.json}; empty if the file does not exist.
     *
     * @throws IOException if it exists but is not a JSON object (the message names the file)
     */
    public static Optional<ConfigSummary> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = RunJson.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " is not a JSON object");
        }
        return Optional.of(of(root));
    }

    /** The summary of a parsed config.json. */
    public static ConfigSummary of(JsonNode root) {
        List<Row> highlights = new ArrayList<>();
        for (Map.Entry<String, String> h : HIGHLIGHTS) {
            JsonNode node = root.at(h.getValue());
            if (!node.isMissingNode() && !node.isNull()) {
                highlights.add(new Row(h.getKey(), text(node)));
            }
        }
        List<Row> all = new ArrayList<>();
        flatten("", root, all);
        return new ConfigSummary(highlights, all);
    }

    /** Value {@code key} of the highlights, if present. */
    public Optional<String> highlight(String key) {
        return highlights.stream().filter(r -> r.key().equals(key)).map(Row::value).findFirst();
    }

    /** Value at a dotted path of {@link #all}, e.g. {@code config.data.dataset}. */
    public Optional<String> value(String dottedPath) {
        return all.stream().filter(r -> r.key().equals(dottedPath)).map(Row::value).findFirst();
    }

    private static void flatten(String prefix, JsonNode node, List<Row> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else {
            out.add(new Row(prefix, text(node)));
        }
    }

    /** Scalars as written (no quotes around strings); arrays of scalars as JSON. */
    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
