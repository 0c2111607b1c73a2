package io.amdim4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amdim4j.bench.SearchBenchmark;
import io.amdim4j.report.Embeddings;
import io.amdim4j.run.RunJson;
import io.amdim4j.search.IndexManifest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amdim bench search}: recall@k and queries/s of the vector index against exact search. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the HNSW vector index (amdim index) on rows of an amdim embed directory: recall@k"
                + " against exact brute-force cosine search, queries per second of both (median of --repeats"
                + " passes), index build time and peak resident memory. Each query's own row is left out."})
final class BenchSearchCommand implements Callable<Integer> {

    @Option(names = "--embeddings", required = true, paramLabel = "DIR", description = "Output directory of amdim embed.")
    Path embeddings;

    @Option(names = "--index", paramLabel = "INDEX",
            description = "Index of those embeddings; built (and timed) there when the directory holds none.")
    Path index;

    @Option(names = "--queries", description = "Rows queried (default: ${DEFAULT-VALUE}).")
    int queries = 1000;

    @Mixin
    NeighbourOptions neighbours;

    @Option(names = "--repeats", description = "Timed passes over the queries (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Mixin
    HnswOptions hnsw;

    @Option(names = "--seed", description = "Seed of the query rows (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SearchBenchmark.Settings settings = new SearchBenchmark.Settings(queries, neighbours.k,
                neighbours.candidates, repeats, seed, hnsw.settings());
        Path dir = index != null ? index : Files.createTempDirectory("amdim-index-");
        boolean build = !Files.isRegularFile(dir.resolve(IndexManifest.FILE));
        SearchBenchmark.Result r = SearchBenchmark.run(Embeddings.read(embeddings), dir, build, settings);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = RunJson.mapper().createObjectNode();
            node.put("rows", r.rows());
            node.put("dimension", r.dimension());
            node.put("queries", Math.min(queries, r.rows()));
            node.put("k", neighbours.k);
            node.put("candidates", neighbours.candidates);
            node.put("hnsw_m", hnsw.maxConnections);
            node.put("hnsw_beam", hnsw.beamWidth);
            BenchOutput.putOptional(node, "build_seconds", r.buildSeconds());
            node.put("recall_at_k", r.recall());
            node.put("index_queries_per_second", r.indexQueriesPerSecond());
            node.put("exact_queries_per_second", r.exactQueriesPerSecond());
            BenchOutput.putOptional(node, "peak_rss_mb", r.peakRssMb());
            out.println(RunJson.lineMapper().writeValueAsString(node));
        } else {
            out.printf("%d vectors × %d, %d queries, k %d, efSearch %d (HNSW M %d, efConstruction %d)%n", r.rows(),
                    r.dimension(), Math.min(queries, r.rows()), neighbours.k, neighbours.candidates, hnsw.maxConnections,
                    hnsw.beamWidth);
            out.printf("index build: %s s%n", BenchOutput.format(r.buildSeconds(), "%.1f"));
            out.printf("recall@%d: %.4f%n", neighbours.k, r.recall());
            out.printf("queries/s: index %.0f, exact %.0f%n", r.indexQueriesPerSecond(), r.exactQueriesPerSecond());
            out.printf("peak RSS: %s MB%n", BenchOutput.format(r.peakRssMb(), "%.0f"));
        }
        out.flush();
        return 0;
    }
}
