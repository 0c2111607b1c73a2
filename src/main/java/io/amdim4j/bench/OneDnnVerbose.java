package io.amdim4j.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;

/**
 * oneDNN's verbose log of primitive executions, switched on and off at run time through libtorch's
 * {@code torch::verbose::_mkldnn_set_verbose} (what {@code torch.backends.mkldnn.verbose} calls), so that
 * it covers the timed updates only. oneDNN prints one line per execution, with its time in ms, to the
 * process's standard output through C's stdio; {@link PrimitiveProfile} reads them.
 */
final class OneDnnVerbose {

    /** {@code torch::verbose::_mkldnn_set_verbose(int)} in libtorch_cpu (PyTorch 2.7.1, {@code nm -D}). */
    static final String SET_VERBOSE = "_ZN5torch7verbose19_mkldnn_set_verboseEi";

    /** oneDNN's level that logs every execution with its time ({@code error,exec_profile}). */
    static final int EXECUTIONS = 1;

    private OneDnnVerbose() {
    }

    /** C's {@code fflush}: oneDNN's lines sit in stdio's buffer until flushed. */
    interface CLibrary extends Library {
        int fflush(Pointer stream);
    }

    /**
     * Logs every primitive execution from now on, or stops logging and flushes what was logged.
     *
     * @param on whether to log
     * @throws IllegalStateException on another engine than PyTorch
     */
    static void set(boolean on) {
        String engine = Engine.getInstance().getEngineName();
        if (!"PyTorch".equals(engine)) {
            throw new IllegalStateException("oneDNN's verbose log needs the PyTorch engine, this process runs " + engine);
        }
        Path library = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cpu"));
        Function setVerbose = NativeLibrary.getInstance(library.toString()).getFunction(SET_VERBOSE);
        setVerbose.invokeInt(new Object[] {on ? EXECUTIONS : 0});
        if (!on) {
            Native.load("c", CLibrary.class).fflush(null); // null flushes every stream
        }
    }
}
