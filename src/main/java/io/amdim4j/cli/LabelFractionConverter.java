package io.amdim4j.cli;

import io.amdim4j.eval.LabelFraction;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --label-fraction 0.01}; an error names the range. */
final class LabelFractionConverter implements ITypeConverter<LabelFraction> {

    @Override
    public LabelFraction convert(String value) {
        double fraction;
        try {
            fraction = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        try {
            return LabelFraction.of(fraction);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
