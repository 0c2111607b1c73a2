package io.amdim4j.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Append-only {@code metrics.jsonl}. On resume the file is cut back to the checkpoint's step, so
 * records written after the last checkpoint by a killed process are not duplicated.
 */
public final class MetricsLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;

    private MetricsLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens for appending, first dropping every record after {@code keepUpToStep} (and torn last
     * lines). Kept lines are copied byte for byte, so an earlier version's lines stay as written.
     */
    public static MetricsLog openAt(Path file, long keepUpToStep) throws IOException {
        List<String> kept = new ArrayList<>();
        if (Files.exists(file)) {
            parse(file, true, (line, r) -> {
                if (r.step() <= keepUpToStep) {
                    kept.add(line);
                }
            });
        }
        AtomicFile.write(file, out -> {
            for (String line : kept) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        return new MetricsLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /** Appends one record and flushes, so a crash loses at most the line being written. */
    public void append(MetricsRecord record) {
        try {
            out.write(RunJson.lineMapper().writeValueAsString(record));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Reads all records; {@code tolerateTornTail} skips an incomplete last line left by a kill. */
    public static List<MetricsRecord> read(Path file, boolean tolerateTornTail) throws IOException {
        List<MetricsRecord> out = new ArrayList<>();
        parse(file, tolerateTornTail, (line, r) -> out.add(r));
        return out;
    }

    private static void parse(Path file, boolean tolerateTornTail, BiConsumer<String, MetricsRecord> each)
            throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            MetricsRecord record;
            try {
                record = RunJson.lineMapper().readValue(line, MetricsRecord.class);
            } catch (JsonProcessingException e) {
                if (tolerateTornTail && i == lines.size() - 1) {
                    break;
                }
                throw new IOException(file + " line " + (i + 1) + " is not a metrics record: " + e.getOriginalMessage(), e);
            }
            each.accept(line, record);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
