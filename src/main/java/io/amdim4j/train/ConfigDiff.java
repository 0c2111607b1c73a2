package io.amdim4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.amdim4j.run.RunJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fields in which two configurations differ, named as config.json spells them ("optim.lr"), so
 * that a resume's history says what changed in the file's own words and no field can be forgotten.
 */
final class ConfigDiff {

    /** One differing field; a list (milestones) counts as one value. */
    public record Change(String field, JsonNode from, JsonNode to) {

        @Override
        public String toString() {
            return field + " " + from + " -> " + to;
        }
    }

    private ConfigDiff() {}

    /** The changes from {@code before} to {@code after}, in field order. */
    static List<Change> between(TrainConfig before, TrainConfig after) {
        List<Change> out = new ArrayList<>();
        collect("", RunJson.mapper().valueToTree(before), RunJson.mapper().valueToTree(after), out);
        return out;
    }

    private static void collect(String prefix, JsonNode a, JsonNode b, List<Change> out) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode other = b.path(field.getKey());
                collect(prefix + field.getKey() + ".", field.getValue(), other, out);
            }
        } else if (!a.equals(b)) {
            out.add(new Change(prefix.substring(0, prefix.length() - 1), a, b));
        }
    }
}
