package io.amdim4j.cli;

import io.amdim4j.eval.FeatureSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --features r1+r5avg}; an error names the bad part. */
final class FeatureSetConverter implements ITypeConverter<FeatureSet> {

    @Override
    public FeatureSet convert(String value) {
        try {
            return FeatureSet.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
