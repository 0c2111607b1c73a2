package io.amdim4j.bench;

import ai.djl.ndarray.NDManager;
import io.amdim4j.runtime.MemoryFormat;
import io.amdim4j.runtime.DeviceInput;
import io.amdim4j.pipeline.HostBatch;
import io.amdim4j.run.Median;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The training thread's share of feeding a batch: copying each host view into one engine array
 * ({@link DeviceInput#view}, as a training step does), timed apart from batch production because it runs
 * on the training thread, not on the loader threads.
 */
final class NdArrayCopyCost {

    private final LongSupplier nanoClock;

    public NdArrayCopyCost() {
        this(System::nanoTime);
    }

    /** With an explicit clock, in nanoseconds. */
    public NdArrayCopyCost(LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Median milliseconds to copy all views of {@code batch} into arrays of {@code manager}, over
     * {@code repeats} timed copies after one untimed one. Each copy lives in its own sub-manager,
     * closed at once, as a training step's arrays are.
     */
    public double medianMillis(NDManager manager, HostBatch batch, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        copy(manager, batch);
        double[] millis = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = nanoClock.getAsLong();
            copy(manager, batch);
            millis[r] = (nanoClock.getAsLong() - start) / 1e6;
        }
        return Median.of(millis);
    }

    /** Copies the views and checks the engine holds every value, so a lazy copy cannot look free. */
    private static void copy(NDManager manager, HostBatch batch) {
        try (NDManager step = manager.newSubManager()) {
            for (int v = 0; v < batch.views().length; v++) {
                long size = DeviceInput.view(batch, v, step, MemoryFormat.CONTIGUOUS).size();
                if (size != batch.views()[v].length) {
                    throw new IllegalStateException("engine array holds " + size + " values, the view "
                            + batch.views()[v].length);
                }
            }
        }
    }
}
