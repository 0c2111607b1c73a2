package io.amdim4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of {@code amdim eval} (spec §6.3) from {@code eval.json}, as flat rows. The file is
 * read as a JSON tree and every object with a numeric {@code mean} is a row; {@code method},
 * {@code feature_set}, {@code protocol} and {@code label_fraction} are taken from the object or,
 * when it lacks them, from the nearest enclosing object that has them (a report's method applies
 * to its results). So {@code {"reports": [{method, feature_set, results: [...]}]}}, a top-level
 * array of such reports and a flat list of rows all read, and any missing field is left blank.
 * Identical rows listed twice (a report and a comparison table) are shown once. A top-level
 * {@code pending} array names methods an unfinished evaluation has not reached yet.
 *
 * @param rows the results, in file order
 * @param pending methods still to be evaluated; empty for a complete file
 */
public record EvalTable(List<Result> rows, List<String> pending) {

    /** Fields inherited from enclosing objects. */
    private static final List<String> CONTEXT = List.of("method", "feature_set", "protocol", "label_fraction");

    /**
     * One result.
     *
     * @param method e.g. "amdim", "pixels"; null if absent
     * @param featureSet e.g. "r1"; null if absent
     * @param protocol e.g. "linear", "knn-k200"; null if absent
     * @param labelFraction share of labels used; null if absent
     * @param mean mean test accuracy over seeds, as written (a fraction in [0, 1])
     * @param std standard deviation over seeds; null if absent
     * @param seeds number of seeds; null if absent
     */
    public record Result(String method, String featureSet, String protocol, Double labelFraction, double mean,
            Double std, Integer seeds) {}

    public EvalTable {
        rows = List.copyOf(rows);
        pending = List.copyOf(pending);
    }

    /**
     * Reads {@code eval.json}; empty if the file does not exist.
     *
     * @throws IOException if it exists but is not JSON (the message names the file)
     */
    public static Optional<EvalTable> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = RunJson.mapper().readTree(file.toFile());
            return Optional.of(of(root == null ? RunJson.mapper().nullNode() : root));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The rows of a parsed eval.json. */
    public static EvalTable of(JsonNode root) {
        LinkedHashSet<Result> rows = new LinkedHashSet<>();
        walk(root, Map.of(), rows);
        List<String> pending = new ArrayList<>();
        JsonNode names = root.get("pending");
        if (names != null && names.isArray()) {
            names.forEach(n -> pending.add(n.asText()));
        }
        return new EvalTable(new ArrayList<>(rows), pending);
    }

    /** True when every mean and std lies in [0, 1], so they can be shown as percentages. */
    public boolean fractions() {
        return rows.stream().allMatch(r -> r.mean() >= 0 && r.mean() <= 1 && (r.std() == null || r.std() <= 1));
    }

    private static void walk(JsonNode node, Map<String, JsonNode> context, LinkedHashSet<Result> out) {
        if (node.isArray()) {
            node.forEach(child -> walk(child, context, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Map<String, JsonNode> here = new HashMap<>(context);
        for (String key : CONTEXT) {
            JsonNode v = node.get(key);
            if (v != null && v.isValueNode() && !v.isNull()) {
                here.put(key, v);
            }
        }
        JsonNode mean = node.get("mean");
        if (mean != null && mean.isNumber()) {
            out.add(new Result(text(here.get("method")), text(here.get("feature_set")), text(here.get("protocol")),
                    number(here.get("label_fraction")), mean.asDouble(), number(node.get("std")),
                    seeds(node.get("seeds"))));
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            JsonNode child = it.next();
            if (child.isContainerNode()) {
                walk(child, here, out);
            }
        }
    }

    private static String text(JsonNode v) {
        return v == null ? null : v.asText();
    }

    private static Double number(JsonNode v) {
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /** A list of per-seed outcomes counts its entries; a plain number is the count itself. */
    private static Integer seeds(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isArray()) {
            return v.size();
        }
        return v.isIntegralNumber() ? v.asInt() : null;
    }
}
