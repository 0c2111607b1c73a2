package io.amdim4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an update's time goes, read from the Chrome-trace file of PyTorch's profiler: the time of
 * each top-level operation (one not nested inside another on the same thread; a backward node
 * counts with everything it calls), summed by name.
 *
 * @param entries operations by total time, longest first
 * @param totalMicros summed time of all top-level operations
 */
public record OpProfile(List<Entry> entries, double totalMicros) {

    /**
     * One operation name.
     *
     * @param name operator name, e.g. {@code aten::conv2d} or {@code autograd::engine::evaluate_function:
     *     ConvolutionBackward0}
     * @param micros summed duration
     * @param calls how many top-level calls
     */
    public record Entry(String name, double micros, int calls) {}

    public OpProfile {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a trace written by PyTorch's legacy profiler: a JSON array (or an object with
     * {@code traceEvents}) of complete events, {@code "ph": "X"}, with {@code ts} and {@code dur} in µs.
     *
     * @param trace the file
     * @return the top-level operations
     * @throws IOException if the file cannot be read or is not such a trace
     */
    public static OpProfile read(Path trace) throws IOException {
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        JsonNode events = root != null && root.isObject() ? root.get("traceEvents") : root;
        if (events == null || !events.isArray()) {
            throw new IOException(trace + ": not a Chrome trace (expected an array of events or traceEvents)");
        }
        List<JsonNode> complete = new ArrayList<>();
        events.forEach(e -> {
            if ("X".equals(e.path("ph").asText()) && e.has("ts") && e.has("dur")) {
                complete.add(e);
            }
        });
        // per thread, an event starting before the end of the previous top-level one is nested in it
        complete.sort(Comparator.comparingDouble((JsonNode e) -> e.get("ts").asDouble())
                .thenComparing(e -> -e.get("dur").asDouble()));
        Map<String, Double> endOfTopLevel = new HashMap<>();
        Map<String, double[]> byName = new LinkedHashMap<>();
        double total = 0;
        for (JsonNode e : complete) {
            String thread = e.path("pid").asText() + "/" + e.path("tid").asText();
            double start = e.get("ts").asDouble();
            double duration = e.get("dur").asDouble();
            if (start < endOfTopLevel.getOrDefault(thread, Double.NEGATIVE_INFINITY)) {
                continue;
            }
            endOfTopLevel.put(thread, start + duration);
            double[] sum = byName.computeIfAbsent(e.path("name").asText("?"), n -> new double[2]);
            sum[0] += duration;
            sum[1]++;
            total += duration;
        }
        List<Entry> entries = new ArrayList<>();
        byName.forEach((name, sum) -> entries.add(new Entry(name, sum[0], (int) sum[1])));
        entries.sort(Comparator.comparingDouble(Entry::micros).reversed());
        return new OpProfile(entries, total);
    }

    /** The {@code n} longest operations. */
    public List<Entry> top(int n) {
        return entries.subList(0, Math.min(n, entries.size()));
    }

    /** Share of the top-level time spent in {@code entry}. */
    public double share(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        return totalMicros == 0 ? 0 : entry.micros() / totalMicros;
    }
}
