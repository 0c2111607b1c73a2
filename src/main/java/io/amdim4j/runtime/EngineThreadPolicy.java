package io.amdim4j.runtime;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who decides the engine's intra-op thread count while a run trains ({@code --engine-threads}). */
public enum EngineThreadPolicy {
    /** The engine keeps the threads it started with: runs are reproducible to the bit. */
    FIXED,
    /** A {@link ThreadGovernor} chooses them by timing the updates (not reproducible to the bit). */
    AUTO;

    /** The command-line and JSON name: {@code fixed} or {@code auto}. */
    @JsonValue
    @Override
    public String toString() {
        return OptionNames.of(this);
    }
}
