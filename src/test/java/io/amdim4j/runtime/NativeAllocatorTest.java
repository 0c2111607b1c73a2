package io.amdim4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    private static final Path STAT = Path.of("/proc/self/stat");

    /** Minor page faults of this process so far (field 10 of /proc/self/stat). */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(STAT);
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterName[10 - 3]);
    }

    @Test
    void onlyAnExplicitFalseTurnsTheTuningOff() {
        assertThat(NativeAllocator.enabled(null)).isTrue();
        assertThat(NativeAllocator.enabled("true")).isTrue();
        assertThat(NativeAllocator.enabled(" FALSE ")).isFalse();
    }

    @Test
    void tensorBuffersAreReusedInsteadOfFaultedInAfresh() throws IOException {
        assumeTrue(Files.isReadable(STAT), "needs Linux /proc");
        assertThat(NativeAllocator.tune()).as("glibc accepts the settings").isTrue();
        assertThat(NativeAllocator.tune()).as("idempotent").isTrue();
        int rounds = 5;
        int buffers = 8;
        long floats = 4L << 20; // 16 MiB per buffer: 128 MiB freed at once, like a step manager closing
        try (NDManager manager = NDManager.newBaseManager()) {
            allocateAndFree(manager, buffers, floats); // the first round faults its pages in
            long before = minorFaults();
            for (int i = 0; i < rounds; i++) {
                allocateAndFree(manager, buffers, floats);
            }
            long faults = minorFaults() - before;
            long pagesPerRound = buffers * floats * Float.BYTES / 4096;
            // measured here: ~53,000-66,000 faults with glibc's defaults (it trims the freed top of the
            // heap and faults it in again), ~16,000-21,000 with the tuning
            assertThat(faults).isLessThan(rounds * pagesPerRound / 4);
        }
    }

    private static void allocateAndFree(NDManager manager, int buffers, long floats) {
        try (NDManager round = manager.newSubManager()) {
            for (int j = 0; j < buffers; j++) {
                NDArray a = round.ones(new Shape(floats));
                assertThat(a.sum().getFloat()).isEqualTo((float) floats);
            }
        }
    }
}
