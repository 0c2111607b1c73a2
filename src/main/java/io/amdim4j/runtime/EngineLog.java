package io.amdim4j.runtime;

import ai.djl.engine.Engine;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.OptionalInt;

/**
 * The threshold of libtorch's own log. libtorch (its c10 logging) writes straight to the process's
 * stderr, past Java's logging: "Could not initialize NNPACK! Reason: Unsupported hardware." on a
 * CPU without NNPACK support, and "AutoNonVariableTypeMode is deprecated ..." the first time DJL
 * copies data into a tensor. They concern the engine's build, not the user's run.
 *
 * <p>The threshold is the variable {@value #LEVEL_VARIABLE} of libc10. libtorch copies the
 * environment variable TORCH_CPP_LOG_LEVEL into it only inside {@code c10::initLogging()}, which
 * PyTorch's Python module calls and DJL does not, so the variable is set here directly, after the
 * engine is loaded and before a tensor operation can log.
 */
public final class EngineLog {

    /** c10's level of warnings (and of everything above). */
    public static final int WARNING = 1;

    /** c10's level of errors: warnings are dropped, errors still shown. */
    public static final int ERROR = 2;

    static final String LEVEL_VARIABLE = "FLAGS_caffe2_log_level";

    private EngineLog() {}

    /**
     * Loads the engine and sets the threshold: messages of a lower level are dropped.
     *
     * @param level {@link #WARNING} or {@link #ERROR}
     * @return false if the engine is not PyTorch or its libc10 cannot be found; nothing changes then
     */
    public static synchronized boolean setLevel(int level) {
        if (level < 0 || level > ERROR) {
            throw new IllegalArgumentException("engine log level must be 0 to " + ERROR + ", got " + level);
        }
        Pointer variable = levelVariable();
        if (variable == null) {
            return false;
        }
        variable.setInt(0, level);
        return true;
    }

    /**
     * The current threshold.
     *
     * @return the level, empty if the engine has no c10 log
     */
    static synchronized OptionalInt level() {
        Pointer variable = levelVariable();
        return variable == null ? OptionalInt.empty() : OptionalInt.of(variable.getInt(0));
    }

    private static Pointer levelVariable() {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
            return null;
        }
        try {
            // The engine has loaded libc10 already; loading it by name returns that same library.
            return NativeLibrary.getInstance("c10").getGlobalVariableAddress(LEVEL_VARIABLE);
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }
}
