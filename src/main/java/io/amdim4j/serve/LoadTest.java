package io.amdim4j.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Row queries ({@code GET /api/search?row=N&k=K}) sent to a running server by a number of clients at
 * once, each waiting for its answer before sending the next: queries per second over the whole
 * pass and the latency of single requests as each client saw it.
 */
public final class LoadTest {

    /**
     * The figures of one pass.
     *
     * @param clients concurrent clients
     * @param queries requests answered
     * @param seconds wall time of the pass
     * @param p50Millis median request latency
     * @param p99Millis 99th percentile request latency
     */
    public record Result(int clients, int queries, double seconds, double p50Millis, double p99Millis) {
        /** Requests answered per second of wall time. */
        public double queriesPerSecond() {
            return queries / seconds;
        }
    }

    private LoadTest() {}

    /**
     * Sends {@code queries} row queries split over {@code clients} threads; the rows are drawn from
     * {@code seed}, the same for every client count.
     *
     * @param base the server's address ({@link ApiServer#uri()})
     * @param rows how many rows the index has
     * @throws IOException if a request fails or is answered with another status than 200
     */
    public static Result run(URI base, int rows, int clients, int queries, int k, long seed)
            throws IOException, InterruptedException {
        if (clients < 1 || queries < clients) {
            throw new IllegalArgumentException("--clients must be at least 1 and at most --queries, got " + clients
                    + " clients for " + queries + " queries");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] queryRows = random.ints(queries, 0, rows).toArray();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        double[] latencies = new double[queries];
        try {
            List<Future<Void>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int q = client; q < queries; q += clients) {
                        HttpRequest request = HttpRequest.newBuilder(
                                base.resolve("api/search?row=" + queryRows[q] + "&k=" + k)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latencies[q] = (System.nanoTime() - t0) / 1e6;
                        if (answer.statusCode() != 200) {
                            throw new IOException(request.uri() + " answered " + answer.statusCode() + ": "
                                    + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(clients, queries, seconds, percentile(latencies, 0.50), percentile(latencies, 0.99));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The nearest-rank percentile: the smallest value with at least {@code q} of all values at or below it. */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
