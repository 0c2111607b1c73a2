package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.data.Sample;
import io.amdim4j.pipeline.BatchLoader;
import io.amdim4j.pipeline.ViewMaker;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class DataBenchmarkTest {

    private static final long TICK = 100_000_000L; // 0.1 s per clock read

    /** n 1x2x2 images; the loader's view maker makes two copies. */
    private static BatchLoader loader(int n, int batch) {
        ImageDataset data = new ImageDataset() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public Sample get(int index) {
                return new Sample(new RawImage(1, 2, 2, new byte[] {1, 2, 3, (byte) index}), 0);
            }

            @Override
            public List<String> classNames() {
                return List.of("only");
            }

            @Override
            public String describe() {
                return "tiny";
            }
        };
        ViewMaker two = (sample, rng) -> {
            float[] d = new float[4];
            for (int i = 0; i < 4; i++) {
                d[i] = sample.image().pixels()[i] + (float) rng.nextDouble();
            }
            return new ViewMaker.View[] {new ViewMaker.View(1, 2, 2, d), new ViewMaker.View(1, 2, 2, d.clone())};
        };
        return new BatchLoader(data, two, (e, i) -> new SplittableRandom(e * 31L + i), e -> identity(n), batch,
                true, 2, 4);
    }

    private static int[] identity(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    /** A clock that advances one tick per read. */
    private static LongSupplier ticking() {
        long[] now = {0};
        return () -> now[0] += TICK;
    }

    @Test
    void aBatchBudgetIsSplitIntoWindowsAndRunsAcrossEpochs() {
        // 10 images, batch 4 -> 2 batches per epoch; 3 warm-up + 7 timed = 10 batches = 5 epochs.
        // Warm-up 0.35 s at 0.1 s per clock read: checks at +0.1, +0.2, +0.3 pass, +0.4 ends it: 3 batches.
        try (BatchLoader l = loader(10, 4)) {
            DataBenchResult r = new DataBenchmark(DataBenchConfig.batches(0.35, 7, 3), ticking()).run(l);
            assertThat(r.warmupBatches()).isEqualTo(3);
            assertThat(r.windows()).extracting(DataBenchResult.Window::batches).containsExactly(3, 2, 2);
            assertThat(r.windows()).extracting(DataBenchResult.Window::pairs).containsExactly(12L, 8L, 8L);
            // one clock read at the start of a window and one after each batch: q batches take q ticks
            assertThat(r.windows()).extracting(DataBenchResult.Window::nanos).containsExactly(3 * TICK, 2 * TICK, 2 * TICK);
            assertThat(r.timedBatches()).isEqualTo(7);
            assertThat(r.timedPairs()).isEqualTo(28);
            assertThat(r.epochsStarted()).isEqualTo(5);
            // every window ran at 4 pairs per 0.1 s
            assertThat(r.medianPairsPerSecond()).isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aTimeBudgetFillsEachWindowUntilItsShareOfTheSecondsHasPassed() {
        try (BatchLoader l = loader(12, 3)) {
            DataBenchResult r = new DataBenchmark(DataBenchConfig.seconds(0, 1.0, 2), ticking()).run(l);
            // 0.5 s per window at 0.1 s per batch
            assertThat(r.windows()).extracting(DataBenchResult.Window::batches).containsExactly(5, 5);
            assertThat(r.timedSeconds()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.medianPairsPerSecond()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void withTheRealClockBatchesAreCountedExactlyAndTheWindowsLieInsideTheRun() {
        try (BatchLoader l = loader(40, 4)) {
            long before = System.nanoTime();
            DataBenchResult r = new DataBenchmark(DataBenchConfig.batches(0.01, 5, 5)).run(l);
            long elapsed = System.nanoTime() - before;
            // a batch budget does not depend on the clock: 5 timed batches of 4 pairs in 5 windows
            assertThat(r.windows()).extracting(DataBenchResult.Window::batches).containsExactly(1, 1, 1, 1, 1);
            assertThat(r.timedPairs()).isEqualTo(20);
            // the windows are measured with the default (real, monotonic) clock, within the call
            assertThat(r.windows()).allSatisfy(w -> assertThat(w.nanos()).isPositive());
            assertThat(r.timedSeconds() * 1e9).isLessThanOrEqualTo(elapsed);
            double[] rates = r.windows().stream().mapToDouble(DataBenchResult.Window::pairsPerSecond).sorted().toArray();
            assertThat(r.medianPairsPerSecond()).isEqualTo(rates[2]);
        }
    }

    @Test
    void theConfigNeedsExactlyOneBudget() {
        assertThatThrownBy(() -> new DataBenchConfig(0, 5, 2.0, 3)).hasMessageContaining("exactly one budget");
        assertThatThrownBy(() -> new DataBenchConfig(0, 0, 0, 3)).hasMessageContaining("exactly one budget");
        assertThatThrownBy(() -> DataBenchConfig.batches(-1, 5, 3)).hasMessageContaining("--warmup-seconds");
        assertThatThrownBy(() -> DataBenchConfig.batches(0, 5, 0)).hasMessageContaining("--windows");
        assertThat(DataBenchConfig.batches(0, 2, 5).effectiveWindows()).isEqualTo(2);
        assertThat(DataBenchConfig.seconds(0, 2, 5).effectiveWindows()).isEqualTo(5);
    }
}
