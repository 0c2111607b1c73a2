package io.amdim4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code index.csv} beside {@code embeddings.npy}: one line per matrix row, {@code
 * row,index,label,class_name}, where {@code index} is the image's position in the embedded split
 * and class names are quoted as in RFC 4180 ("T-shirt/top" needs none, "a, b" does).
 *
 * @param entries one per matrix row, in row order
 */
public record EmbeddingIndex(List<Entry> entries) {

    /** The header line {@code amdim embed} writes. */
    public static final String HEADER = "row,index,label,class_name";

    private static final int COLUMNS = 4;

    /**
     * One line.
     *
     * @param row matrix row
     * @param index position of the image in the embedded dataset split
     * @param label class index, or −1 for an unlabelled image
     * @param className the class name, empty when unknown
     */
    public record Entry(int row, int index, int label, String className) {}

    public EmbeddingIndex {
        entries = List.copyOf(entries);
    }

    /** Number of rows. */
    int size() {
        return entries.size();
    }

    /** Labels in row order. */
    int[] labels() {
        return entries.stream().mapToInt(Entry::label).toArray();
    }

    /**
     * Class names by label, for the labels present (sorted by label); a label whose lines carry no
     * name is called by its number.
     */
    Map<Integer, String> classNames() {
        Map<Integer, String> names = new TreeMap<>();
        for (Entry e : entries) {
            if (e.label() >= 0) {
                names.merge(e.label(), e.className().isEmpty() ? Integer.toString(e.label()) : e.className(),
                        (old, now) -> old);
            }
        }
        return names;
    }

    /**
     * Reads an index file.
     *
     * @throws IOException if unreadable, or a line is malformed (the message names file and line)
     */
    static EmbeddingIndex read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IOException(csv + " does not start with the header '" + HEADER + "'");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = fields(lines.get(i));
            if (fields.size() != COLUMNS) {
                throw new IOException(csv + " line " + (i + 1) + " has " + fields.size() + " fields, expected "
                        + COLUMNS + " (" + HEADER + ")");
            }
            try {
                Entry e = new Entry(Integer.parseInt(fields.get(0)), Integer.parseInt(fields.get(1)),
                        Integer.parseInt(fields.get(2)), fields.get(3));
                if (e.row() != entries.size()) {
                    throw new IOException(csv + " line " + (i + 1) + " is row " + e.row() + ", expected row "
                            + entries.size());
                }
                entries.add(e);
            } catch (NumberFormatException ex) {
                throw new IOException(csv + " line " + (i + 1) + " has a non-integer row, index or label: "
                        + ex.getMessage(), ex);
            }
        }
        return new EmbeddingIndex(entries);
    }

    /** Splits one RFC 4180 line: fields separated by commas, quoted fields with doubled quotes inside. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }
}
