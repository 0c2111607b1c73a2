package io.amdim4j.runtime;

import ai.djl.engine.Engine;
import io.amdim4j.run.Provenance;

/** {@link Provenance} of this process with DJL's engine filled in ({@code run} may not touch DJL). */
public final class EngineProvenance {

    private EngineProvenance() {}

    /**
     * The engine's name and version.
     *
     * @return e.g. {@code "PyTorch 2.7.1"}
     */
    public static String engine() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion();
    }

    /**
     * The platform, code version, DJL engine and engine threads, as of now.
     *
     * @return the provenance
     */
    public static Provenance capture() {
        return Provenance.capture(Engine.getDjlVersion(), engine(), Provenance.engineThreads());
    }
}
