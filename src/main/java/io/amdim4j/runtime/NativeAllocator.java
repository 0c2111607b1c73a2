package io.amdim4j.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps glibc's allocator from handing every large tensor buffer back to the kernel.
 *
 * <p>PyTorch's CPU tensors come from {@code malloc}. With glibc's defaults a buffer above the
 * (dynamic) mmap threshold is a fresh {@code mmap} that is unmapped again on free, so every
 * activation of every update is faulted in page by page and zeroed by the kernel: 134,000 minor
 * page faults per update at ndf 64 / n_rkhs 512 / batch 64 (BENCHMARKS.md). Raising the mmap
 * threshold to its maximum and the trim threshold well above it makes freed buffers stay in the
 * heap for the next update (about 800 faults per update). Peak memory is unchanged; freed memory
 * is simply not returned to the system while the process runs.
 *
 * <p>The settings are process-wide and applied once, by {@link ComputeDevice#newBaseManager()} before the
 * first tensor buffer of any command or API call; on other C libraries nothing is changed.
 * {@code -Damdim.tuneAllocator=false} keeps glibc's defaults (to compare, or to have freed memory
 * returned to the system).
 */
public final class NativeAllocator {

    /** glibc's {@code M_TRIM_THRESHOLD}. */
    static final int M_TRIM_THRESHOLD = -1;
    /** glibc's {@code M_TOP_PAD}. */
    static final int M_TOP_PAD = -2;
    /** glibc's {@code M_MMAP_THRESHOLD}. */
    static final int M_MMAP_THRESHOLD = -3;

    /** glibc's largest mmap threshold on 64-bit systems (4 MiB × sizeof(long)). */
    static final int MMAP_THRESHOLD = 32 << 20;
    /** Free memory kept at the top of the heap before trimming: 1 GiB. */
    static final int TRIM_THRESHOLD = 1 << 30;
    /** Extra heap requested from the system at each growth: 64 MiB. */
    static final int TOP_PAD = 64 << 20;

    /** System property that turns the tuning off when {@code false}. */
    static final String PROPERTY = "amdim.tuneAllocator";

    private static Boolean applied;

    private NativeAllocator() {
    }

    /** The three {@code mallopt} calls, for a C library that has them. */
    interface CLibrary extends Library {
        int mallopt(int param, int value);
    }

    /**
     * Applies the settings once per process.
     *
     * @return true if glibc accepted all three settings; false on another OS or C library, or when
     *     {@value #PROPERTY} is {@code false}
     */
    public static synchronized boolean tune() {
        if (applied == null) {
            applied = enabled(System.getProperty(PROPERTY)) && Platform.isLinux() && !Platform.isAndroid() && apply();
        }
        return applied;
    }

    /** Whether a value of {@value #PROPERTY} asks for the tuning: anything but {@code false}. */
    static boolean enabled(String property) {
        return !"false".equalsIgnoreCase(property == null ? "" : property.trim());
    }

    private static boolean apply() {
        try {
            CLibrary libc = Native.load("c", CLibrary.class);
            // mallopt returns 1 on success, 0 on error (e.g. musl, which ignores it)
            return libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                    & libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
                    & libc.mallopt(M_TOP_PAD, TOP_PAD) == 1;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return false; // no native C library through JNA: keep the defaults
        }
    }
}
