package io.amdim4j.runtime;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The engine's intra-op thread count (PyTorch's {@code at::set_num_threads}, reached through DJL's JNI).
 * With OpenMP the count belongs to the calling thread, so it is read and changed on the thread that
 * runs the updates.
 */
public final class EngineThreads {

    private EngineThreads() {}

    /** Threads the calling thread's engine operations run on. */
    public static int current() {
        loadEngine();
        return JniUtils.getNumThreads();
    }

    /**
     * Sets the threads of the calling thread's later engine operations.
     *
     * @param threads at least 1
     */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("engine threads must be >= 1, got " + threads);
        }
        loadEngine();
        JniUtils.setNumThreads(threads);
    }

    private static void loadEngine() {
        String name = Engine.getInstance().getEngineName();
        if (!"PyTorch".equals(name)) {
            throw new IllegalStateException("engine threads are set through PyTorch's JNI; the engine is " + name);
        }
    }
}
