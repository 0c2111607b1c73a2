package io.amdim4j.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one JSON configuration of every file a run writes (config.json, metrics.jsonl, eval.json):
 * snake_case keys, as the rest of the field's tooling (Lightning, solo-learn) writes them.
 */
public final class RunJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectMapper LINE_MAPPER = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {}

    /** Pretty-printing mapper for whole files. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Single-line mapper for JSON-lines files. */
    public static ObjectMapper lineMapper() {
        return LINE_MAPPER;
    }

    /**
     * A whole run file's content: pretty-printed, ending in a newline.
     *
     * @param value the file's record
     * @return UTF-8 bytes
     * @throws IOException if serialisation fails
     */
    static byte[] bytes(Object value) throws IOException {
        return (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Atomically replaces a run file with {@code value}.
     *
     * @param file the target
     * @param value the file's record
     * @param what what the file holds, for the message
     * @throws IOException naming the file if it cannot be written
     */
    static void write(Path file, Object value, String what) throws IOException {
        byte[] bytes = bytes(value);
        try {
            AtomicFile.write(file, bytes);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a run file into a generic record, e.g. {@code EvalJson<EvalConfig>}.
     *
     * @param <T> the record type
     * @param file the file
     * @param record the record class
     * @param parameter its type argument
     * @return the content
     * @param fileName e.g. "eval.json", for the message
     * @throws IOException naming the file if it is missing or does not fit the record
     */
    static <T> T read(Path file, Class<?> record, Class<?> parameter, String fileName) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file");
        }
        JavaType type = MAPPER.getTypeFactory().constructParametricType(record, parameter);
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + " is not a readable " + fileName + ": " + e.getMessage(), e);
        }
    }
}
