package io.amdim4j.report;

import io.amdim4j.data.ImageDataset;
import io.amdim4j.data.RawImage;
import io.amdim4j.run.AtomicFile;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The nearest-neighbour gallery: fixed query images spread over the classes ({@link
 * GalleryQueries}), each followed by its top-k cosine neighbours among all embeddings. A
 * neighbour's border is green when it has the query's class and red otherwise, so the share of
 * green is a picture of kNN accuracy.
 */
final class NeighbourGallery {

    /** Query images shown. */
    public static final int QUERIES = 8;
    /** Neighbours per query. */
    public static final int NEIGHBOURS = 8;

    static final int MARGIN = 10;
    static final int BORDER = 4;
    static final int GAP = 6;
    /** Wider gap between the query column and its neighbours. */
    static final int QUERY_GAP = 24;
    /** Height of one caption line; each thumbnail has two (class name, then similarity). */
    static final int CAPTION_LINE = 14;
    static final int CAPTION = 2 * CAPTION_LINE;

    static final Color SAME_CLASS = new Color(0x2ca02c);
    static final Color OTHER_CLASS = new Color(0xd62728);
    static final Color QUERY = new Color(0x1f4e9c);
    private static final int FONT_SIZE = 11;

    /**
     * One neighbour.
     *
     * @param entry which image
     * @param similarity cosine similarity to the query
     * @param sameClass whether it has the query's label
     */
    public record Match(EmbeddingIndex.Entry entry, double similarity, boolean sameClass) {}

    /**
     * One gallery row.
     *
     * @param query the query image
     * @param matches its nearest neighbours, best first
     */
    public record Row(EmbeddingIndex.Entry query, List<Match> matches) {

        /** Neighbours of the query's class. */
        public long sameClassCount() {
            return matches.stream().filter(Match::sameClass).count();
        }
    }

    private NeighbourGallery() {}

    /** The gallery rows: {@code queries} fixed queries, each with its {@code k} nearest neighbours. */
    public static List<Row> search(Embeddings embeddings, int queries, int k) {
        EmbeddingIndex index = embeddings.index();
        CosineNeighbours neighbours = new CosineNeighbours(embeddings.matrix());
        List<Row> rows = new ArrayList<>();
        for (int q : GalleryQueries.choose(index.labels(), queries)) {
            EmbeddingIndex.Entry query = index.entries().get(q);
            List<Match> matches = new ArrayList<>();
            for (CosineNeighbours.Neighbour n : neighbours.nearest(q, k)) {
                EmbeddingIndex.Entry e = index.entries().get(n.row());
                matches.add(new Match(e, n.similarity(), e.label() == query.label()));
            }
            rows.add(new Row(query, List.copyOf(matches)));
        }
        return rows;
    }

    /**
     * Draws the rows with images from {@code images}, the split the embeddings were made from.
     *
     * @throws IllegalArgumentException if an index line names an image the split lacks or with another label
     */
    public static Figure draw(List<Row> rows, ImageDataset images, Path png) throws IOException {
        Map<Integer, RawImage> pictures = new HashMap<>();
        int boxH = 1;
        int boxW = 1;
        int columns = 1;
        for (Row row : rows) {
            columns = Math.max(columns, 1 + row.matches().size());
            List<EmbeddingIndex.Entry> shown = new ArrayList<>();
            shown.add(row.query());
            row.matches().forEach(m -> shown.add(m.entry()));
            for (EmbeddingIndex.Entry e : shown) {
                RawImage image = pictures.computeIfAbsent(e.index(), i -> imageOf(e, images));
                int[] size = Thumbnail.size(image.height(), image.width());
                boxH = Math.max(boxH, size[0]);
                boxW = Math.max(boxW, size[1]);
            }
        }
        int cellW = boxW + 2 * BORDER;
        int cellH = boxH + 2 * BORDER;
        int width = width(cellW, columns);
        int height = height(cellH, rows.size());
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE));
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                int y = MARGIN + r * (cellH + CAPTION + GAP);
                int x = MARGIN;
                drawCell(g, pictures.get(row.query().index()), QUERY, x, y, cellW, cellH,
                        className(row.query()), "query");
                x += cellW + QUERY_GAP;
                for (Match m : row.matches()) {
                    drawCell(g, pictures.get(m.entry().index()), m.sameClass() ? SAME_CLASS : OTHER_CLASS,
                            x, y, cellW, cellH, className(m.entry()),
                            String.format(Locale.ROOT, "%.3f", m.similarity()));
                    x += cellW + GAP;
                }
            }
        } finally {
            g.dispose();
        }
        AtomicFile.write(png, out -> {
            if (!ImageIO.write(canvas, "png", out)) {
                throw new IOException("no PNG writer for " + png);
            }
        });
        return new Figure(png.getFileName().toString(), "nearest neighbours", width, height);
    }

    /** Width of a gallery of {@code columns} cells (query plus neighbours). */
    static int width(int cellW, int columns) {
        return 2 * MARGIN + columns * cellW + QUERY_GAP + Math.max(0, columns - 2) * GAP;
    }

    /** Height of a gallery of {@code rows} rows. */
    static int height(int cellH, int rows) {
        return 2 * MARGIN + rows * (cellH + CAPTION) + Math.max(0, rows - 1) * GAP;
    }

    private static RawImage imageOf(EmbeddingIndex.Entry e, ImageDataset images) {
        if (e.index() < 0 || e.index() >= images.size()) {
            throw new IllegalArgumentException("index.csv row " + e.row() + " names image " + e.index() + " but "
                    + images.describe() + " has " + images.size() + " images (embeddings of another split?)");
        }
        int label = images.label(e.index());
        if (label != e.label()) {
            throw new IllegalArgumentException("index.csv row " + e.row() + " gives image " + e.index() + " label "
                    + e.label() + " but " + images.describe() + " says " + label
                    + " (embeddings of another dataset or split?)");
        }
        return images.get(e.index()).image();
    }

    private static String className(EmbeddingIndex.Entry e) {
        return e.className().isEmpty() ? Integer.toString(e.label()) : e.className();
    }

    private static void drawCell(Graphics2D g, RawImage image, Color border, int x, int y, int cellW, int cellH,
            String... captionLines) {
        g.setColor(border);
        g.fillRect(x, y, cellW, cellH);
        g.setColor(Color.WHITE);
        g.fillRect(x + BORDER, y + BORDER, cellW - 2 * BORDER, cellH - 2 * BORDER);
        BufferedImage thumb = Thumbnail.of(image);
        g.drawImage(thumb, x + (cellW - thumb.getWidth()) / 2, y + (cellH - thumb.getHeight()) / 2, null);
        g.setColor(Color.DARK_GRAY);
        int baseline = y + cellH;
        for (String line : captionLines) {
            baseline += CAPTION_LINE;
            String text = fit(g, line, cellW);
            int textW = g.getFontMetrics().stringWidth(text);
            g.drawString(text, x + (cellW - textW) / 2, baseline - g.getFontMetrics().getDescent());
        }
    }

    /** Shortens a caption with an ellipsis until it fits under its thumbnail. */
    private static String fit(Graphics2D g, String text, int width) {
        String t = text;
        while (t.length() > 1 && g.getFontMetrics().stringWidth(t) > width) {
            t = t.substring(0, t.length() - 2) + "…";
        }
        return t;
    }
}
