package io.amdim4j.cli;

import io.amdim4j.model.MemoryFormat;
import io.amdim4j.model.OptionNames;
import io.amdim4j.model.Precision;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --precision fp32|bf16|auto}; a bad value gets one line listing the choices. */
final class PrecisionConverter implements ITypeConverter<Precision> {

    @Override
    public Precision convert(String value) {
        return parse(value, v -> OptionNames.parse(Precision.values(), v, "precision"));
    }

    /** Reads {@code --memory-format contiguous|channels_last|auto} the same way. */
    static final class MemoryFormatConverter implements ITypeConverter<MemoryFormat> {
        @Override
        public MemoryFormat convert(String value) {
            return parse(value, v -> OptionNames.parse(MemoryFormat.values(), v, "memory format"));
        }
    }

    private static <T> T parse(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
