package io.amdim4j.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The preset a run started from ({@code pretrain --preset NAME}), as config.json records it: the
 * preset's own values and the command-line options that overrode some of them. The configuration
 * in force (config.json's "config") already holds the result; this says how it came about.
 *
 * @param name e.g. {@code cifar10-large}
 * @param values every value the preset sets, by option name without dashes, in the preset's order
 * @param overrides each option given on the command line that the preset also sets: from the
 *     preset's value to the given one
 */
public record PresetChoice(String name, Map<String, JsonNode> values, Map<String, ValueChange> overrides) {

    /** Checks that the preset is named and copies both maps, keeping their order. */
    public PresetChoice {
        Objects.requireNonNull(name, "name");
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }
}
