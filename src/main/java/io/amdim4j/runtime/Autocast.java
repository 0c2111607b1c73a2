package io.amdim4j.runtime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A scope in which PyTorch's CPU autocast runs convolutions and matrix products in bfloat16
 * ({@code torch.autocast("cpu", torch.bfloat16)}), reached through JNA because DJL 0.36 has no
 * bfloat16 type: its JNI aborts the JVM on a cast to it.
 *
 * <p>Autocast keeps float32 parameters and casts them per operation, so weight gradients come back
 * in float32 and Adam, batch-norm statistics and checkpoints never see bfloat16. Its state is
 * thread-local: open and close the scope on the thread that runs the forward pass, in a
 * try-with-resources, so an exception cannot leave autocast on. By default the weight-cast cache is
 * switched off inside the scope: a bf16 copy cached outside a {@code GradientCollector} has no
 * gradient function, and the backward pass of a later update would fail on it. A scope opened inside
 * the collector around all the passes of one update may keep it on ({@link #bf16(boolean)}): each
 * weight is then cast once per update rather than once per pass, as PyTorch's own
 * {@code torch.autocast} does, and the cache is cleared when the scope closes.
 *
 * <p>Arrays made inside the scope are bfloat16, which DJL reports as {@link DataType#UNKNOWN};
 * DJL calls that hand such a type back to the engine (e.g. {@code zeros(shape, x.getDataType())})
 * abort the JVM, so the encoder avoids them, and {@link #toFloat32} brings outputs back.
 */
public final class Autocast implements AutoCloseable {

    /** {@code c10::DeviceType::CPU}. */
    static final byte CPU = 0;
    /** {@code c10::ScalarType::BFloat16}. */
    static final byte BFLOAT16 = 15;
    /** C++ {@code bool} values: a Java {@code boolean} argument is not read as one by the callee. */
    private static final byte TRUE = 1;
    private static final byte FALSE = 0;

    /** The autocast switches of {@code libtorch_cpu}, under readable names. */
    interface AutocastLibrary extends Library {
        void setAutocastEnabled(byte deviceType, byte enabled);

        byte isAutocastEnabled(byte deviceType);

        void setAutocastDtype(byte deviceType, byte scalarType);

        byte getAutocastDtype(byte deviceType);

        void setAutocastCacheEnabled(byte enabled);

        byte isAutocastCacheEnabled();

        void clearCache();
    }

    /** C++ symbols of {@code at::autocast} (checked with {@code nm -D libtorch_cpu.so}, PyTorch 2.7.1). */
    static final Map<String, String> SYMBOLS = Map.of(
            "setAutocastEnabled", "_ZN2at8autocast20set_autocast_enabledEN3c1010DeviceTypeEb",
            "isAutocastEnabled", "_ZN2at8autocast19is_autocast_enabledEN3c1010DeviceTypeE",
            "setAutocastDtype", "_ZN2at8autocast18set_autocast_dtypeEN3c1010DeviceTypeENS1_10ScalarTypeE",
            "getAutocastDtype", "_ZN2at8autocast18get_autocast_dtypeEN3c1010DeviceTypeE",
            "setAutocastCacheEnabled", "_ZN2at8autocast26set_autocast_cache_enabledEb",
            "isAutocastCacheEnabled", "_ZN2at8autocast25is_autocast_cache_enabledEv",
            "clearCache", "_ZN2at8autocast11clear_cacheEv");

    /** Loaded on first use, after DJL has loaded the engine (the library handle is shared, not re-loaded). */
    private static final class Binding {
        static final AutocastLibrary LIB = load();
    }

    private final Thread owner;
    private final byte wasEnabled;
    private final byte previousDtype;
    private final byte previousCache;
    private boolean closed;

    private Autocast(byte wasEnabled, byte previousDtype, byte previousCache) {
        this.owner = Thread.currentThread();
        this.wasEnabled = wasEnabled;
        this.previousDtype = previousDtype;
        this.previousCache = previousCache;
    }

    /**
     * Turns bfloat16 autocast on for this thread until {@link #close}.
     *
     * @return the scope, which restores the previous state when closed
     * @throws IllegalStateException if the engine is not PyTorch or its library lacks the switches
     */
    static Autocast bf16() {
        return bf16(false);
    }

    /**
     * Turns bfloat16 autocast on for this thread until {@link #close}, with or without autocast's
     * cache of weight casts.
     *
     * @param cacheWeights whether a float32 leaf that needs a gradient (a weight) is cast once for the
     *     whole scope; only for a scope opened inside the {@code GradientCollector} of its passes
     * @return the scope, which restores the previous state and clears the cache when closed
     * @throws IllegalStateException if the engine is not PyTorch or its library lacks the switches
     */
    static Autocast bf16(boolean cacheWeights) {
        AutocastLibrary lib = Binding.LIB;
        Autocast scope = new Autocast(lib.isAutocastEnabled(CPU), lib.getAutocastDtype(CPU),
                lib.isAutocastCacheEnabled());
        lib.setAutocastDtype(CPU, BFLOAT16);
        lib.setAutocastCacheEnabled(cacheWeights ? TRUE : FALSE);
        lib.setAutocastEnabled(CPU, TRUE);
        return scope;
    }

    /**
     * Whether CPU autocast is on for the calling thread.
     *
     * @return the engine's own flag
     */
    public static boolean isEnabled() {
        return Binding.LIB.isAutocastEnabled(CPU) != FALSE;
    }

    /** Restores the state found at {@link #bf16()}; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("an autocast scope must be closed on the thread that opened it ("
                    + owner.getName() + "), not on " + Thread.currentThread().getName());
        }
        closed = true;
        AutocastLibrary lib = Binding.LIB;
        lib.setAutocastEnabled(CPU, wasEnabled);
        lib.setAutocastDtype(CPU, previousDtype);
        lib.setAutocastCacheEnabled(previousCache);
        lib.clearCache();
    }

    /**
     * The arrays in float32 through an operation the gradient tape records: a product with a
     * float32 one (DJL's {@code toType} runs without gradient, and cannot name bfloat16 anyway).
     * Float32 arrays are returned as they are.
     *
     * @param arrays outputs of a pass under autocast
     * @return the same values in float32, connected to the graph
     */
    static NDList toFloat32(NDList arrays) {
        NDList out = new NDList(arrays.size());
        for (NDArray a : arrays) {
            if (a.getDataType() == DataType.FLOAT32) {
                out.add(a);
            } else {
                long[] ones = new long[a.getShape().dimension()];
                Arrays.fill(ones, 1);
                out.add(a.mul(a.getManager().ones(new Shape(ones), DataType.FLOAT32)));
            }
        }
        return out;
    }

    private static AutocastLibrary load() {
        String engine = Engine.getInstance().getEngineName();
        if (!"PyTorch".equals(engine)) {
            throw new IllegalStateException("bf16 needs the PyTorch engine's autocast, but the engine is " + engine);
        }
        Path path = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cpu"));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("bf16 needs PyTorch's " + path.getFileName() + ", not found at " + path);
        }
        FunctionMapper mapper = (library, method) -> SYMBOLS.get(method.getName());
        try {
            return Native.load(path.toString(), AutocastLibrary.class, Map.of(Library.OPTION_FUNCTION_MAPPER, mapper));
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("bf16: cannot bind PyTorch's autocast in " + path + ": " + e.getMessage(), e);
        }
    }
}
