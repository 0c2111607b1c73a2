package io.amdim4j.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The oneDNN primitives an update executes, read from oneDNN's verbose log ({@code ONEDNN_VERBOSE=profile_exec},
 * or {@link OneDnnVerbose} switched on): time and calls summed per kind and direction, and per problem shape
 * with the implementation and source layout of its first call. Two programs' tables side by side show
 * whether the same kernel on the same shape takes the same time in both.
 *
 * @param directions per kind and direction (problem, impl and source empty), longest first
 * @param shapes per kind, direction and problem, longest first
 * @param updates how many updates the log covers; figures per update divide by it
 */
public record PrimitiveProfile(List<Row> directions, List<Row> shapes, int updates) {

    /** The first field of every oneDNN 3.x verbose line. */
    static final String PREFIX = "onednn_verbose";

    /**
     * Executions of one group.
     *
     * @param kind e.g. {@code convolution}, {@code reorder}, {@code matmul}
     * @param direction e.g. {@code forward_training}, {@code backward_weights}; {@code undef} for reorders
     * @param problem oneDNN's problem descriptor (e.g. {@code mb64_ic256oc256_ih7oh7kh1...}), empty per direction
     * @param impl implementation of the first call, e.g. {@code brgconv_1x1:avx512_core_bf16}; empty per direction
     * @param source memory descriptor of the first call's source, e.g. {@code bf16::blocked:acdb::f0}
     * @param millis summed execution time
     * @param calls executions
     */
    public record Row(String kind, String direction, String problem, String impl, String source, double millis,
            int calls) {

        Row plus(double ms) {
            return new Row(kind, direction, problem, impl, source, millis + ms, calls + 1);
        }
    }

    public PrimitiveProfile {
        directions = List.copyOf(directions);
        shapes = List.copyOf(shapes);
        if (updates < 1) {
            throw new IllegalArgumentException("a primitive profile covers at least one update, got " + updates);
        }
    }

    /**
     * Sums the execution lines of a verbose log; other lines (the program's own output, oneDNN's info and
     * creation lines) are skipped.
     *
     * @param lines the log
     * @param updates how many updates it covers
     * @return the table
     */
    public static PrimitiveProfile parse(Iterable<String> lines, int updates) {
        Map<String, Row> directions = new LinkedHashMap<>();
        Map<String, Row> shapes = new LinkedHashMap<>();
        for (String line : lines) {
            Execution e = Execution.parse(line);
            if (e == null) {
                continue;
            }
            directions.merge(e.kind + ' ' + e.direction, new Row(e.kind, e.direction, "", "", "", e.millis, 1),
                    (old, one) -> old.plus(one.millis()));
            shapes.merge(e.kind + ' ' + e.direction + ' ' + e.problem,
                    new Row(e.kind, e.direction, e.problem, e.impl, e.source, e.millis, 1),
                    (old, one) -> old.plus(one.millis()));
        }
        return new PrimitiveProfile(longestFirst(directions), longestFirst(shapes), updates);
    }

    /**
     * Whether a line of a program's standard output is oneDNN's.
     *
     * @param line one line
     * @return true for oneDNN's verbose lines (executions, creations, information)
     */
    public static boolean isVerbose(String line) {
        return line.startsWith(PREFIX + ',');
    }

    /** Summed execution time of every primitive, per update. */
    public double millisPerUpdate() {
        return directions.stream().mapToDouble(Row::millis).sum() / updates;
    }

    /**
     * The table as the side-by-side file of issue 25 has it: per kind and direction, then the longest shapes.
     *
     * @param out where to print
     * @param shapeRows how many shapes to list
     */
    public void print(PrintWriter out, int shapeRows) {
        out.printf("  oneDNN primitives per update (%d updates): %.1f ms in all%n", updates, millisPerUpdate());
        out.printf("    %-13s %-18s %10s %8s%n", "kind", "direction", "ms", "calls");
        for (Row r : directions) {
            out.printf("    %-13s %-18s %10.2f %8.1f%n", r.kind(), r.direction(), r.millis() / updates,
                    (double) r.calls() / updates);
        }
        out.printf("    per shape (ms and calls per update; impl and source layout of the first call):%n");
        for (Row r : shapes.subList(0, Math.min(shapeRows, shapes.size()))) {
            out.printf("    %8.2f %6.1f  %-5.5s %-17s %-62s %s %s%n", r.millis() / updates,
                    (double) r.calls() / updates, r.kind(), r.direction(), r.problem(), r.impl(), r.source());
        }
    }

    private static List<Row> longestFirst(Map<String, Row> rows) {
        List<Row> list = new ArrayList<>(rows.values());
        list.sort(Comparator.comparingDouble(Row::millis).reversed());
        return list;
    }

    /** One {@code primitive,exec} line. */
    private record Execution(String kind, String impl, String direction, String source, String problem,
            double millis) {

        /**
         * {@code onednn_verbose,[timestamp,]v1,primitive,exec,cpu,KIND,IMPL,DIRECTION,MDS,ATTRS,AUX,PROBLEM,MS};
         * null for any other line.
         */
        static Execution parse(String line) {
            if (!isVerbose(line)) {
                return null;
            }
            String[] f = line.trim().split(",", -1);
            int at = -1;
            for (int i = 1; i + 1 < f.length; i++) {
                if (f[i].equals("primitive") && f[i + 1].equals("exec")) {
                    at = i;
                    break;
                }
            }
            // engine, kind, impl, direction, mds, attrs, aux, problem, time after "primitive,exec"
            if (at < 0 || f.length < at + 11) {
                return null;
            }
            double ms;
            try {
                ms = Double.parseDouble(f[f.length - 1]);
            } catch (NumberFormatException e) {
                return null;
            }
            return new Execution(f[at + 3], f[at + 4], f[at + 5], source(f[at + 6]), f[f.length - 2], ms);
        }

        private static String source(String mds) {
            for (String md : mds.split(" ")) {
                if (md.startsWith("src:")) {
                    return md.substring("src:".length());
                }
            }
            return "";
        }
    }
}
