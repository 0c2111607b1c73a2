package io.amdim4j.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.amdim4j.run.AtomicFile;
import io.amdim4j.run.RunJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The preflight's verdicts on this machine: one small JSON file a combination, named by the SHA-256 of
 * everything that decides which native kernels run (the combination, the engine, the CPU's model and
 * flags). Deleting the directory makes every combination prove itself again.
 *
 * @param dir the cache directory, created on the first write
 */
record PreflightCache(Path dir) {

    /**
     * One verdict.
     *
     * @param key the canonical text it was reached for
     * @param outcome {@link #PASSED}, or what the child died of
     * @param reason how it crashed or failed; {@code null} when it passed
     * @param time when, ISO-8601
     */
    record Entry(String key, String outcome, String reason, String time) {

        /** The outcome of a combination that ran. */
        static final String PASSED = "passed";

        boolean passed() {
            return PASSED.equals(outcome);
        }
    }

    /**
     * The verdict kept for {@code key}.
     *
     * @param key the canonical text of a combination on this machine
     * @return the entry; empty when there is none, or when it is unreadable or for another key
     */
    Optional<Entry> find(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Entry e = RunJson.mapper().readValue(file.toFile(), Entry.class);
            return key.equals(e.key()) ? Optional.of(e) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a damaged entry proves again and is overwritten
        }
    }

    /**
     * Keeps a verdict, atomically.
     *
     * @param entry the verdict
     * @throws IOException naming the file if it cannot be written
     */
    void put(Entry entry) throws IOException {
        Files.createDirectories(dir);
        byte[] json;
        try {
            json = RunJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a preflight verdict as JSON", e);
        }
        AtomicFile.write(file(entry.key()), json);
    }

    /**
     * Where the verdict of {@code key} lives.
     *
     * @param key the canonical text
     * @return {@code DIR/<sha256>.json}
     */
    Path file(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
