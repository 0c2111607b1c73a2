package io.amdim4j.pipeline;

import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.Sample;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Assembles minibatches on a pool of worker threads, a bounded number of batches ahead of the
 * consumer. Each batch is built by one worker; batches come out in order. Because a sample's
 * randomness depends only on (epoch, index), the output is byte-identical for any thread count.
 */
public final class BatchLoader implements AutoCloseable {

    /** Supplies the random stream of one sample in one epoch. */
    @FunctionalInterface
    public interface SampleRandomSource {
        RandomGenerator forSample(int epoch, int index);
    }

    private final ImageDataset dataset;
    private final ViewMaker viewMaker;
    private final SampleRandomSource randomSource;
    private final IntFunction<int[]> epochOrder;
    private final int epochLength;
    private final int batchSize;
    private final boolean dropLast;
    private final int prefetch;
    private final ExecutorService workers;

    /**
     * @param dataset images to load
     * @param viewMaker sample to views
     * @param randomSource per-sample random streams
     * @param epochOrder epoch number to the order of dataset indices in that epoch
     * @param batchSize images per batch
     * @param dropLast drop the last partial batch (training, spec §7) or keep it (testing: every image once)
     * @param threads worker threads
     * @param prefetch batches assembled ahead of the consumer; bounds host memory
     */
    public BatchLoader(ImageDataset dataset, ViewMaker viewMaker, SampleRandomSource randomSource,
            IntFunction<int[]> epochOrder, int batchSize, boolean dropLast, int threads, int prefetch) {
        this(dataset, viewMaker, randomSource, epochOrder, dataset.size(), batchSize, dropLast, threads, prefetch);
    }

    /**
     * A loader whose epochs visit {@code epochLength} images, e.g. one process's share of the dataset
     * ({@link io.amdim4j.data.EpochShard}); the other parameters are those above.
     */
    public BatchLoader(ImageDataset dataset, ViewMaker viewMaker, SampleRandomSource randomSource,
            IntFunction<int[]> epochOrder, int epochLength, int batchSize, boolean dropLast, int threads, int prefetch) {
        this.epochLength = epochLength;
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.viewMaker = Objects.requireNonNull(viewMaker, "viewMaker");
        this.randomSource = Objects.requireNonNull(randomSource, "randomSource");
        this.epochOrder = Objects.requireNonNull(epochOrder, "epochOrder");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("loader threads must be >= 1, got " + threads);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be >= 1, got " + prefetch);
        }
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.prefetch = prefetch;
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    /** Batches in one epoch. */
    public int batchesPerEpoch() {
        int n = epochLength;
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The batches of {@code epoch}, starting at batch {@code startBatch} (the resume cursor). */
    public Iterator<HostBatch> epoch(int epoch, int startBatch) {
        int total = batchesPerEpoch();
        if (startBatch < 0 || startBatch > total) {
            throw new IllegalArgumentException("start batch " + startBatch + " outside 0.." + total);
        }
        int[] order = epochOrder.apply(epoch);
        if (order.length != epochLength) {
            throw new IllegalStateException("epoch order has " + order.length + " indices for "
                    + epochLength + " samples of " + dataset.describe());
        }
        return new EpochIterator(epoch, order, startBatch, total);
    }

    private HostBatch assemble(int epoch, int batchIndex, int[] order) {
        int from = batchIndex * batchSize;
        int n = Math.min(batchSize, order.length - from);
        int[] labels = new int[n];
        int[] indices = new int[n];
        float[][] views = null;
        int c = 0;
        int h = 0;
        int w = 0;
        for (int i = 0; i < n; i++) {
            int index = order[from + i];
            Sample sample = dataset.get(index);
            ViewMaker.View[] made = viewMaker.make(sample, randomSource.forSample(epoch, index));
            if (views == null) {
                c = made[0].channels();
                h = made[0].height();
                w = made[0].width();
                views = new float[made.length][n * c * h * w];
            }
            int stride = c * h * w;
            for (int v = 0; v < made.length; v++) {
                ViewMaker.View view = made[v];
                if (view.channels() != c || view.height() != h || view.width() != w) {
                    throw new IllegalStateException("image " + index + " of " + dataset.describe() + " gave a "
                            + view.channels() + "x" + view.height() + "x" + view.width() + " view, expected "
                            + c + "x" + h + "x" + w);
                }
                System.arraycopy(view.data(), 0, views[v], i * stride, stride);
            }
            labels[i] = sample.label();
            indices[i] = index;
        }
        return new HostBatch(epoch, batchIndex, views, c, h, w, labels, indices);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private final class EpochIterator implements Iterator<HostBatch> {
        private final int epoch;
        private final int[] order;
        private final int total;
        private final ArrayDeque<Future<HostBatch>> pending = new ArrayDeque<>();
        private int nextToSubmit;

        EpochIterator(int epoch, int[] order, int startBatch, int total) {
            this.epoch = epoch;
            this.order = order;
            this.total = total;
            this.nextToSubmit = startBatch;
            fill();
        }

        private void fill() {
            while (pending.size() < prefetch && nextToSubmit < total) {
                int b = nextToSubmit++;
                pending.add(workers.submit(() -> assemble(epoch, b, order)));
            }
        }

        @Override
        public boolean hasNext() {
            return !pending.isEmpty();
        }

        @Override
        public HostBatch next() {
            Future<HostBatch> head = pending.poll();
            if (head == null) {
                throw new NoSuchElementException("epoch " + epoch + " has no more batches");
            }
            try {
                HostBatch batch = head.get();
                fill();
                return batch;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading epoch " + epoch, e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re; // keeps the reader's message that names the file
                }
                throw new IllegalStateException("loading a batch of " + dataset.describe() + " failed", cause);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "amdim-loader-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
