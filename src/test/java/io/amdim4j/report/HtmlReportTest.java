package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of a run directory the test wrote: files, sizes, numbers and pixels checked against what was written. */
class HtmlReportTest {

    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"");

    @TempDir
    Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theReportLinksEveryFigureAndShowsTheWrittenNumbersAndNames() throws IOException {
        SyntheticRun run = SyntheticRun.write(tmp);
        Path out = tmp.resolve("report");
        ReportFiles files = new HtmlReport(run.fullReport(out)).write();

        String html = Files.readString(files.html());
        Set<String> linked = new HashSet<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            linked.add(m.group(1));
            BufferedImage png = ImageIO.read(out.resolve(m.group(1)).toFile());
            assertThat(png).as(m.group(1)).isNotNull();
            assertThat(png.getWidth()).as(m.group(1)).isEqualTo(Integer.parseInt(m.group(2)));
            assertThat(png.getHeight()).as(m.group(1)).isEqualTo(Integer.parseInt(m.group(3)));
        }
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> list = Files.list(out)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).forEach(onDisk::add);
        }
        List<String> expected = new ArrayList<>(TrainingCurves.fileNames());
        expected.add(EmbeddingMap.FILE);
        expected.add(HtmlReport.GALLERY_FILE);
        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(linked).isEqualTo(onDisk);
        assertThat(files.figures()).extracting(Figure::file).containsExactlyInAnyOrderElementsOf(expected);

        for (String curve : TrainingCurves.fileNames()) {
            BufferedImage png = ImageIO.read(out.resolve(curve).toFile());
            assertThat(png.getWidth()).isEqualTo(640);
            assertThat(png.getHeight()).isEqualTo(360);
        }
        BufferedImage map = ImageIO.read(out.resolve(EmbeddingMap.FILE).toFile());
        assertThat(map.getWidth()).isEqualTo(900);
        assertThat(map.getHeight()).isEqualTo(700);

        assertThat(html).contains(String.format(Locale.ROOT, "%.2f ± %.2f", 100 * SyntheticRun.AMDIM_LINEAR_MEAN,
                100 * SyntheticRun.AMDIM_LINEAR_STD), "81.23 ± 0.45", "70.11 ± 1.25", "knn-k200", "100%", "1%");
        assertThat(html).contains("alpha", "beta &amp; co", "gamma, the third", "delta&lt;4&gt;")
                .doesNotContain("delta<4>");
        assertThat(html).contains("<td>ndf</td><td>48</td>", "<td>n_rkhs</td><td>256</td>",
                "<td>n_depth</td><td>2</td>", "0123456789abcdef0123456789abcdef01234567");
        // the last epoch record: MLP 0.5 + 0.1·2, linear 0.4 + 0.1·2
        assertThat(html).contains("70.00%", "60.00%", "<td>epochs completed</td><td class=\"num\">3</td>");
        assertThat(html).doesNotContain("http://", "https://");
    }

    @Test
    void theGalleryShowsBruteForceNeighboursWithClassColouredBorders() throws IOException {
        SyntheticRun run = SyntheticRun.write(tmp);
        Path out = tmp.resolve("report");
        new HtmlReport(run.fullReport(out)).write();
        BufferedImage gallery = ImageIO.read(out.resolve(HtmlReport.GALLERY_FILE).toFile());

        int thumb = SyntheticRun.SIDE * Thumbnail.SCALE;
        int cell = thumb + 2 * NeighbourGallery.BORDER;
        int columns = 1 + NeighbourGallery.NEIGHBOURS;
        int rows = Math.min(NeighbourGallery.QUERIES, SyntheticRun.ROWS);
        assertThat(gallery.getWidth()).isEqualTo(2 * NeighbourGallery.MARGIN + columns * cell
                + NeighbourGallery.QUERY_GAP + (columns - 2) * NeighbourGallery.GAP);
        assertThat(gallery.getHeight()).isEqualTo(2 * NeighbourGallery.MARGIN
                + rows * (cell + NeighbourGallery.CAPTION) + (rows - 1) * NeighbourGallery.GAP);

        int[] queries = GalleryQueries.choose(run.labels, NeighbourGallery.QUERIES);
        for (int r = 0; r < rows; r++) {
            int q = queries[r];
            int y = NeighbourGallery.MARGIN + r * (cell + NeighbourGallery.CAPTION + NeighbourGallery.GAP);
            int x = NeighbourGallery.MARGIN;
            assertThat(rgb(gallery, x + 1, y + 1)).isEqualTo(NeighbourGallery.QUERY.getRGB() & 0xFFFFFF);
            // the query thumbnail's top-left 3×3 block is CIFAR pixel (0, 0) of image q
            int expected = pixel(run.images[q], 0, 0);
            int inside = NeighbourGallery.BORDER + 2;
            assertThat(rgb(gallery, x + inside, y + inside)).isEqualTo(expected);
            List<Integer> brute = bruteNeighbours(run, q, NeighbourGallery.NEIGHBOURS);
            for (int j = 0; j < brute.size(); j++) {
                int nx = NeighbourGallery.MARGIN + cell + NeighbourGallery.QUERY_GAP
                        + j * (cell + NeighbourGallery.GAP);
                boolean same = run.labels[brute.get(j)] == run.labels[q];
                int border = (same ? NeighbourGallery.SAME_CLASS : NeighbourGallery.OTHER_CLASS).getRGB() & 0xFFFFFF;
                assertThat(rgb(gallery, nx + 1, y + 1)).as("row %d neighbour %d", r, j).isEqualTo(border);
                // bottom-right source pixel (31, 31) of the neighbour's image
                int px = nx + NeighbourGallery.BORDER + thumb - 1;
                int py = y + NeighbourGallery.BORDER + thumb - 1;
                assertThat(rgb(gallery, px, py)).isEqualTo(pixel(run.images[brute.get(j)], 31, 31));
            }
        }
    }

    @Test
    void withoutEmbeddingsTheSectionsGiveTheCommandsAndStaleFiguresGo() throws IOException {
        SyntheticRun run = SyntheticRun.write(tmp);
        Path out = tmp.resolve("report");
        Files.createDirectories(out);
        Files.writeString(out.resolve(EmbeddingMap.FILE), "left by an earlier report");
        Files.delete(run.run.eval());
        ReportFiles files = new HtmlReport(SyntheticRun.report(run.run.root()).withOut(out)).write();
        String html = Files.readString(files.html());

        String root = run.run.root().toString();
        assertThat(html).contains("amdim embed --run-dir " + root + " --dataset cifar10:/nowhere/cifar --split test"
                + " --out " + run.run.root().resolve("embeddings"));
        assertThat(html).contains("amdim eval --run-dir " + root);
        assertThat(out.resolve(EmbeddingMap.FILE)).doesNotExist();
        assertThat(out.resolve(HtmlReport.GALLERY_FILE)).doesNotExist();
        assertThat(html).doesNotContain(EmbeddingMap.FILE);
    }

    @Test
    void embeddingsOfAnotherSplitAreRejectedNamingTheIndex() throws IOException {
        SyntheticRun run = SyntheticRun.write(tmp);
        StringBuilder wrong = new StringBuilder("row,index,label,class_name\n");
        for (int r = 0; r < SyntheticRun.ROWS; r++) {
            wrong.append(r).append(',').append(r).append(',').append((run.labels[r] + 1) % 4).append(",x\n");
        }
        Files.writeString(run.embeddings.resolve("index.csv"), wrong.toString());
        HtmlReport report = new HtmlReport(run.fullReport(tmp.resolve("r")));
        assertThatThrownBy(report::write).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index.csv row").hasMessageContaining("another dataset or split");
    }

    @Test
    void aMissingRunDirectoryIsRejected() {
        HtmlReport report = new HtmlReport(SyntheticRun.report(tmp.resolve("nope")));
        assertThatThrownBy(report::write).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("does not exist");
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    /** CIFAR stores planes R, G, B of 32×32 each. */
    private static int pixel(byte[] chw, int y, int x) {
        int plane = SyntheticRun.SIDE * SyntheticRun.SIDE;
        int at = y * SyntheticRun.SIDE + x;
        return ((chw[at] & 0xFF) << 16) | ((chw[plane + at] & 0xFF) << 8) | (chw[2 * plane + at] & 0xFF);
    }

    private static List<Integer> bruteNeighbours(SyntheticRun run, int q, int k) {
        int d = SyntheticRun.DIMENSION;
        List<double[]> all = new ArrayList<>();
        for (int r = 0; r < SyntheticRun.ROWS; r++) {
            if (r == q) {
                continue;
            }
            double dot = 0;
            double nq = 0;
            double nr = 0;
            for (int c = 0; c < d; c++) {
                double a = run.vectors[q * d + c];
                double b = run.vectors[r * d + c];
                dot += a * b;
                nq += a * a;
                nr += b * b;
            }
            all.add(new double[] {r, dot / Math.sqrt(nq * nr)});
        }
        all.sort(Comparator.<double[]>comparingDouble(p -> -p[1]).thenComparingDouble(p -> p[0]));
        return all.subList(0, k).stream().map(p -> (int) p[0]).toList();
    }
}
