package io.amdim4j.report;

import io.amdim4j.data.ImageDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sections 3 and 4 of the report: the embedding map and the nearest-neighbour gallery, or, when
 * there are no embeddings, the commands that make them.
 */
final class EmbeddingSections {

    private final ReportConfig config;
    private final String dataset;

    /**
     * @param config the report's configuration
     * @param dataset the dataset spec to suggest and to read thumbnails from ("SPEC" if unknown)
     */
    EmbeddingSections(ReportConfig config, String dataset) {
        this.config = config;
        this.dataset = dataset;
    }

    /** The two shell commands that produce the embeddings and rebuild this report with them. */
    String commands() {
        Path run = config.run().root();
        Path dir = run.resolve(ReportConfig.DEFAULT_EMBEDDINGS_DIR);
        return "amdim embed --run-dir " + run + " --dataset " + dataset + " --split " + config.split() + " --out " + dir
                + "\namdim report " + run + " --embeddings " + dir + " --dataset " + dataset + " --split "
                + config.split();
    }

    void renderMissing(HtmlPage page) {
        page.heading(2, "map", "3. Embedding map");
        page.note("No embeddings in " + config.embeddingsDir() + ". Embed the " + config.split()
                + " split with the run's newest checkpoint, then rebuild this report:");
        page.code(commands());
        page.heading(2, "neighbours", "4. Nearest neighbours");
        page.note("The gallery needs the same embeddings (see section 3) and the images (--dataset, --split).");
    }

    /**
     * Renders both sections.
     *
     * @param images the embedded split, if it could be opened
     * @return the gallery figure, if images were available
     */
    Optional<Figure> render(HtmlPage page, Embeddings embeddings, Figure map, Optional<ImageDataset> images,
            Path galleryPng) throws IOException {
        EmbeddingMatrix m = embeddings.matrix();
        page.heading(2, "map", "3. Embedding map");
        page.paragraph(String.format(Locale.ROOT,
                "%d embeddings of dimension %d from %s, projected on their top two principal components"
                        + " (computed by power iteration on the covariance); colours are the %d classes.",
                m.rows(), m.dimension(), embeddings.dir(), embeddings.index().classNames().size()));
        page.raw(HtmlPage.figure(map));

        page.heading(2, "neighbours", "4. Nearest neighbours");
        List<NeighbourGallery.Row> rows = NeighbourGallery.search(embeddings, NeighbourGallery.QUERIES,
                NeighbourGallery.NEIGHBOURS);
        long same = rows.stream().mapToLong(NeighbourGallery.Row::sameClassCount).sum();
        long shown = rows.stream().mapToLong(r -> r.matches().size()).sum();
        page.paragraph(String.format(Locale.ROOT,
                "%d fixed queries, one per class in label order (left, blue), and their %d nearest neighbours by"
                        + " cosine similarity among all other embeddings: green border = same class, red = another"
                        + " class. %d of %d neighbours share the query's class.",
                rows.size(), NeighbourGallery.NEIGHBOURS, same, shown));
        Optional<Figure> gallery = Optional.empty();
        if (images.isPresent()) {
            gallery = Optional.of(NeighbourGallery.draw(rows, images.get(), galleryPng));
            page.raw(HtmlPage.figure(gallery.get()));
        } else {
            page.note("No thumbnails: the images of the embedded split were not found. Rebuild with --dataset "
                    + dataset + " --split " + config.split() + ".");
        }
        page.tableOfMarkup(List.of("query", "image", "class", "same class", "neighbours (class, cosine similarity)"),
                table(rows), new boolean[] {true, true, false, true, false});
        return gallery;
    }

    private static List<List<String>> table(List<NeighbourGallery.Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            NeighbourGallery.Row r = rows.get(i);
            List<String> names = new ArrayList<>();
            for (NeighbourGallery.Match m : r.matches()) {
                names.add("<span class=\"" + (m.sameClass() ? "same" : "other") + "\">"
                        + HtmlPage.escape(name(m.entry())) + "</span> "
                        + String.format(Locale.ROOT, "%.3f", m.similarity()));
            }
            out.add(List.of(Integer.toString(i + 1), Integer.toString(r.query().index()),
                    HtmlPage.escape(name(r.query())), r.sameClassCount() + "/" + r.matches().size(),
                    String.join(" · ", names)));
        }
        return out;
    }

    private static String name(EmbeddingIndex.Entry e) {
        return e.className().isEmpty() ? Integer.toString(e.label()) : e.className();
    }
}
