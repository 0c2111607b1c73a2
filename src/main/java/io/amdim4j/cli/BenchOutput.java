package io.amdim4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;

/** Figures that a benchmark may not know (e.g. peak memory off Linux): JSON null and "unknown". */
final class BenchOutput {

    private BenchOutput() {
    }

    static void putOptional(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    static String format(OptionalDouble value, String pattern) {
        return value.isPresent() ? String.format(pattern, value.getAsDouble()) : "unknown";
    }
}
