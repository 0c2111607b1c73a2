package io.amdim4j.cli;

import io.amdim4j.eval.FeatureSet;

/** Reads {@code --features r1+r5avg}; an error names the bad part. */
final class FeatureSetConverter extends ParseConverter<FeatureSet> {

    FeatureSetConverter() {
        super(FeatureSet::parse);
    }
}
