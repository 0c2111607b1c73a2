package io.amdim4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.bench.HostStats;
import io.amdim4j.run.Median;
import io.amdim4j.run.RunJson;
import io.amdim4j.serve.ApiServer;
import io.amdim4j.serve.HeadlessChromium;
import io.amdim4j.serve.LoadTest;
import io.amdim4j.serve.PageTiming;
import io.amdim4j.serve.ServedIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amdim bench serve}: queries/s and latency of amdim serve's API, and the page's first paint. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start amdim serve's server in this process on a free loopback port and measure it over HTTP:"
                + " queries per second and p50/p99 latency of row searches (GET /api/search) with each number of"
                + " concurrent clients, then the page's first contentful paint and the time until its first grid of"
                + " thumbnails is shown, in headless Chromium with an empty cache."})
final class BenchServeCommand implements Callable<Integer> {

    @Mixin
    ServedIndexOptions served = new ServedIndexOptions();

    @Option(names = "--clients", split = ",", description = "Concurrent clients, one pass each (default: 1,8).")
    List<Integer> clients = List.of(1, 8);

    @Option(names = "--queries", description = "Row queries per pass (default: ${DEFAULT-VALUE}).")
    int queries = 2000;

    @Option(names = "--warmup", description = "Untimed queries before the first pass (default: ${DEFAULT-VALUE}).")
    int warmup = 200;

    @Mixin
    NeighbourOptions neighbours;

    @Option(names = "--seed", description = "Seed of the query rows (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--page-loads", description = "Page loads timed in Chromium, each with a new profile; 0 skips"
            + " the browser (default: ${DEFAULT-VALUE}).")
    int pageLoads = 3;

    @Option(names = "--chromium", paramLabel = "FILE", description = "Chromium binary (default: ${DEFAULT-VALUE}).")
    Path chromium = HeadlessChromium.DEFAULT_BINARY;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<LoadTest.Result> passes = new ArrayList<>();
        double[] paint = new double[pageLoads];
        double[] grid = new double[pageLoads];
        int rows;
        try (ServedIndex index = served.open(spec, null, neighbours.candidates);
                ApiServer server = ApiServer.start(index, new ApiServer.Settings("127.0.0.1", 0, 8, 1, neighbours.k))) {
            rows = index.rows();
            if (warmup > 0) {
                LoadTest.run(server.uri(), rows, 1, warmup, neighbours.k, seed + 1);
            }
            for (int c : clients) {
                passes.add(LoadTest.run(server.uri(), rows, c, queries, neighbours.k, seed));
            }
            for (int i = 0; i < pageLoads; i++) {
                PageTiming.Times t = PageTiming.measure(chromium, server.uri());
                paint[i] = t.firstContentfulPaintMillis();
                grid[i] = t.gridShownMillis();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = RunJson.mapper().createObjectNode();
            node.put("rows", rows);
            node.put("k", neighbours.k);
            node.put("candidates", neighbours.candidates);
            node.put("queries", queries);
            ArrayNode list = node.putArray("passes");
            for (LoadTest.Result r : passes) {
                list.addObject().put("clients", r.clients()).put("queries_per_second", r.queriesPerSecond())
                        .put("p50_ms", r.p50Millis()).put("p99_ms", r.p99Millis());
            }
            if (pageLoads > 0) {
                node.put("page_loads", pageLoads);
                node.put("first_contentful_paint_ms", Median.of(paint));
                node.put("grid_shown_ms", Median.of(grid));
            }
            BenchOutput.putOptional(node, "load_average", HostStats.loadAverage());
            out.println(RunJson.lineMapper().writeValueAsString(node));
        } else {
            out.printf("%d rows, k %d, efSearch %d, %d row queries per pass over HTTP (loopback)%n", rows, neighbours.k,
                    neighbours.candidates, queries);
            for (LoadTest.Result r : passes) {
                out.printf("%d client%s: %.0f queries/s, p50 %.2f ms, p99 %.2f ms%n", r.clients(),
                        r.clients() == 1 ? "" : "s", r.queriesPerSecond(), r.p50Millis(), r.p99Millis());
            }
            if (pageLoads > 0) {
                out.printf("page (median of %d cold loads): first contentful paint %.0f ms, first grid shown %.0f ms%n",
                        pageLoads, Median.of(paint), Median.of(grid));
            }
            out.printf("load average (1 min): %s%n", BenchOutput.format(HostStats.loadAverage(), "%.2f"));
        }
        out.flush();
        return 0;
    }
}
