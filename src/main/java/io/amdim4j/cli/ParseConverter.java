package io.amdim4j.cli;

import java.util.Objects;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option through its value type's own {@code parse}; the parse error becomes picocli's
 * one-line "Invalid value for option '--x': …", so the message names the option.
 */
abstract class ParseConverter<T> implements ITypeConverter<T> {

    private final Function<String, T> parse;

    ParseConverter(Function<String, T> parse) {
        this.parse = Objects.requireNonNull(parse, "parse");
    }

    @Override
    public final T convert(String value) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
