package io.amdim4j.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

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
}
