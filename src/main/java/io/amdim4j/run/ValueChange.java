package io.amdim4j.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed field of config.json: by a resume (its history) or by an option given beside a preset.
 * Top-level rather than nested in {@link ConfigJson}: JDK 17's javadoc fails on a public type nested in
 * a record it does not document, and {@code Pretraining.Origin} reaches this one.
 *
 * @param from the value before
 * @param to the value after
 */
public record ValueChange(JsonNode from, JsonNode to) {}
