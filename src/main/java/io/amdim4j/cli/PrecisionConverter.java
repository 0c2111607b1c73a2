package io.amdim4j.cli;

import io.amdim4j.runtime.EngineThreadPolicy;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.OptionNames;
import io.amdim4j.runtime.Precision;
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

    /** Reads {@code --engine-threads fixed|auto} the same way. */
    static final class EngineThreadsConverter implements ITypeConverter<EngineThreadPolicy> {
        @Override
        public EngineThreadPolicy convert(String value) {
            return parse(value, v -> OptionNames.parse(EngineThreadPolicy.values(), v, "engine threads"));
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
