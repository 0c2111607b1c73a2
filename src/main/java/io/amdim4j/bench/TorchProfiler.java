package io.amdim4j.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/**
 * PyTorch's operator profiler around a piece of work, through the DJL PyTorch engine's JNI; the
 * trace is a Chrome-trace JSON file ({@code chrome://tracing}, Perfetto) that {@link OpProfile} reads.
 */
final class TorchProfiler {

    private TorchProfiler() {
    }

    /** Starts recording; fails with a clear message on another engine. */
    static void start() {
        String engine = Engine.getInstance().getEngineName();
        if (!"PyTorch".equals(engine)) {
            throw new IllegalStateException("--profile needs the PyTorch engine, this process runs " + engine);
        }
        JniUtils.startProfile(false, false, false);
    }

    /** Stops recording and writes the trace. */
    static void stop(Path trace) {
        JniUtils.stopProfile(trace.toAbsolutePath().toString());
    }
}
