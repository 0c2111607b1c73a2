package io.amdim4j.cli;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import io.amdim4j.embed.ExportedEncoder;
import io.amdim4j.search.NearDuplicates;
import io.amdim4j.search.Neighbour;
import io.amdim4j.search.VectorIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code amdim search}: nearest rows of an index to an image, to a row, or all near-duplicate pairs. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Query a vector index built by amdim index: the k most similar rows (cosine) to an image"
                + " (embedded through an exported encoder, amdim export) or to a row of the index, or every"
                + " near-duplicate pair above a similarity threshold."})
final class SearchCommand implements Callable<Integer>, EngineCommand {

    @Option(names = "--index", required = true, paramLabel = "INDEX", description = "Index directory (amdim index).")
    Path index;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Query query;

    static final class Query {
        @Option(names = "--image", paramLabel = "FILE", description = "Find the rows most similar to this image.")
        Path image;

        @Option(names = "--row", paramLabel = "N", description = "Find the rows most similar to row N of the index.")
        Integer row;

        @Option(names = "--duplicates", description = "List every pair of rows with cosine >= --threshold.")
        boolean duplicates;
    }

    @Option(names = "--model", paramLabel = "DIR",
            description = "Exported encoder (amdim export) that embeds --image; it must be the encoder and output"
                    + " that made the index.")
    Path model;

    @Mixin
    NeighbourOptions neighbours;

    @Option(names = "--threshold", description = "Cosine similarity for --duplicates (default: ${DEFAULT-VALUE}).")
    double threshold = 0.95;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (VectorIndex vectors = VectorIndex.open(index)) {
            if (query.duplicates) {
                List<NearDuplicates.Pair> pairs = NearDuplicates.find(vectors, threshold, neighbours.k,
                        neighbours.candidates);
                out.printf("%d pairs with cosine >= %.4f (each row's %d nearest examined)%n", pairs.size(), threshold,
                        neighbours.k);
                out.println("cosine  row_a  row_b  label_a  label_b  index_a  index_b");
                for (NearDuplicates.Pair p : pairs) {
                    out.printf("%.4f  %d  %d  %s  %s  %d  %d%n", p.cosine(), p.first().row(), p.second().row(),
                            label(p.first()), label(p.second()), p.first().index(), p.second().index());
                }
            } else {
                float[] vector = query.row != null ? vectors.vector(query.row) : embed(query.image, vectors);
                print(out, vectors.search(vector, neighbours.k, neighbours.candidates));
            }
        }
        out.flush();
        return 0;
    }

    private float[] embed(Path image, VectorIndex vectors) throws Exception {
        if (model == null) {
            throw new IllegalArgumentException("--image needs --model DIR, the exported encoder (amdim export) that made"
                    + " the index's embeddings");
        }
        if (!Files.isRegularFile(image)) {
            throw new IOException("--image " + image + ": no such file");
        }
        Image decoded = ImageFactory.getInstance().fromFile(image);
        try (ExportedEncoder encoder = ExportedEncoder.load(model)) {
            float[] vector = encoder.embed(decoded);
            if (vector.length != vectors.manifest().dimension()) {
                throw new IllegalArgumentException("--model " + model + " embeds images as " + vector.length
                        + "-dimensional vectors but --index " + index + " holds " + vectors.manifest().dimension()
                        + "-dimensional ones (built from " + vectors.manifest().embeddings() + ")");
            }
            return vector;
        }
    }

    private static void print(PrintWriter out, List<Neighbour> hits) {
        out.println("rank  row  cosine  label  index");
        for (int i = 0; i < hits.size(); i++) {
            Neighbour h = hits.get(i);
            out.printf("%d  %d  %.4f  %s  %d%n", i + 1, h.row(), h.cosine(), label(h), h.index());
        }
    }

    private static String label(Neighbour n) {
        return n.label() < 0 ? "-" : n.className().isEmpty() ? Integer.toString(n.label()) : n.className();
    }
}
