package io.amdim4j.bench;

import io.amdim4j.dist.GradientAllReduce;
import io.amdim4j.dist.ProcessGroup;
import io.amdim4j.model.EncoderConfig;
import io.amdim4j.model.EncoderSummary;
import io.amdim4j.run.Median;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Times the gradient average of data-parallel pre-training ({@link GradientAllReduce}, the same bucketed,
 * in-place all-reduce an update calls) on buffers the size of an encoder's gradient, for each encoder asked
 * for. Every rank runs it; the ranks meet at a barrier before each timed call so that none is timed
 * waiting for a late one.
 */
public final class AllReduceBenchmark {

    /** n_rkhs that goes with each ndf in the project's presets: quickstart (32), RESULTS.md (64), the spec's large model (128). */
    static int nRkhsFor(int ndf) {
        return ndf <= 32 ? 256 : ndf <= 64 ? 512 : 1024;
    }

    /**
     * What was measured for one encoder.
     *
     * @param encoder the encoder whose gradient size was reduced
     * @param floats gradient elements (the encoder's parameters, spec §2.5)
     * @param seconds wall time of each timed all-reduce
     */
    public record Size(EncoderConfig encoder, long floats, double[] seconds) {

        /** Median seconds per all-reduce. */
        public double medianSeconds() {
            return Median.of(seconds);
        }

        /** Gradient bytes averaged per second at the median. */
        public double bytesPerSecond() {
            return floats * (double) Float.BYTES / medianSeconds();
        }
    }

    /**
     * @param sizes one entry per encoder
     * @param ranks processes that took part
     * @param peakRssMb this process's peak resident memory, if known
     */
    public record Result(List<Size> sizes, int ranks, OptionalDouble peakRssMb) {}

    private final List<EncoderConfig> encoders;
    private final int repeats;
    private final int warmup;

    /**
     * @param encoders encoders whose gradient sizes to reduce
     * @param repeats timed all-reduces per encoder
     * @param warmup untimed all-reduces first (connections are set up lazily)
     */
    public AllReduceBenchmark(List<EncoderConfig> encoders, int repeats, int warmup) {
        if (repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("repeats must be >= 1 and warmup >= 0, got " + repeats + ", " + warmup);
        }
        this.encoders = List.copyOf(encoders);
        this.repeats = repeats;
        this.warmup = warmup;
    }

    /** The encoder of the given width at 32 px with n_depth 3, as the benchmarks of BENCHMARKS.md use. */
    public static EncoderConfig encoder(int ndf) {
        return new EncoderConfig(32, 3, ndf, nRkhsFor(ndf), 3, false);
    }

    /**
     * Runs the benchmark as one rank of {@code group}.
     *
     * @throws IllegalArgumentException for a group of one process: there is nothing to reduce
     */
    public Result run(ProcessGroup group) {
        if (group.size() < 2) {
            throw new IllegalArgumentException("bench allreduce needs at least 2 MPI ranks, e.g. "
                    + "mpiexec -n 2 ./amdim bench allreduce; this process runs alone");
        }
        GradientAllReduce allReduce = new GradientAllReduce(group);
        List<Size> sizes = new ArrayList<>();
        for (EncoderConfig e : encoders) {
            long floats = EncoderSummary.of(e).encoderParameters();
            ByteBuffer gradient = ByteBuffer.allocateDirect(Math.toIntExact(floats * Float.BYTES))
                    .order(ByteOrder.nativeOrder());
            for (int i = 0; i < floats; i++) {
                gradient.putFloat(i * Float.BYTES, group.rank() + i % 7);
            }
            double[] seconds = new double[repeats];
            for (int i = 0; i < warmup + repeats; i++) {
                group.barrier();
                long start = System.nanoTime();
                allReduce.average(List.of(gradient));
                if (i >= warmup) {
                    seconds[i - warmup] = (System.nanoTime() - start) / 1e9;
                }
            }
            sizes.add(new Size(e, floats, seconds));
        }
        return new Result(sizes, group.size(), HostStats.peakResidentMb());
    }
}
