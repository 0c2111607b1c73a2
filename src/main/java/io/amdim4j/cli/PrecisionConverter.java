package io.amdim4j.cli;

import io.amdim4j.model.Precision;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --precision fp32|bf16|auto}; picocli reports the parse error with the option's name. */
final class PrecisionConverter implements ITypeConverter<Precision> {

    @Override
    public Precision convert(String value) {
        return Precision.parse(value);
    }
}
