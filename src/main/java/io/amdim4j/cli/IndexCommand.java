package io.amdim4j.cli;

import io.amdim4j.report.Embeddings;
import io.amdim4j.search.IndexManifest;
import io.amdim4j.search.VectorIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amdim index}: an HNSW vector index over the output of {@code amdim embed}. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build a cosine-similarity vector index (Apache Lucene HNSW) over an amdim embed directory"
                + " (embeddings.npy + index.csv); each row's dataset position, label and class name are stored"
                + " with its vector. Query it with amdim search."})
final class IndexCommand implements Callable<Integer> {

    @Option(names = "--embeddings", required = true, paramLabel = "DIR",
            description = "Output directory of amdim embed.")
    Path embeddings;

    @Option(names = "--out", required = true, paramLabel = "INDEX", description = "Index directory to create.")
    Path out;

    @Mixin
    HnswOptions hnsw;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        IndexManifest manifest = VectorIndex.build(Embeddings.read(embeddings), out,
                hnsw.settings());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("indexed %d vectors of %d dimensions from %s into %s%n", manifest.rows(), manifest.dimension(),
                embeddings, out.toAbsolutePath());
        stdout.flush();
        return 0;
    }
}
