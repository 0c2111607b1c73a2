package io.amdim4j.report;

import io.amdim4j.run.AtomicFile;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The 2-D map of the embeddings: every row projected on the top two {@link PrincipalComponents},
 * one colour per class with the class names in the legend. PCA is linear, so distances on the map
 * are true (shrunken) distances, unlike t-SNE; the axis titles give the variance each axis keeps.
 */
final class EmbeddingMap {

    public static final String FILE = "embedding-map.png";
    static final int WIDTH = 900;
    static final int HEIGHT = 700;

    /** Principal components of the map. */
    private static final int AXES = 2;
    /** Half-transparent dots, so dense clusters show their density. */
    private static final int DOT_ALPHA = 110;
    /** Dot diameters: small where thousands of points overlap, larger where a few must stay visible. */
    private static final double DOT = 3;
    private static final double SPARSE_DOT = 6;
    private static final int SPARSE_POINTS = 2000;
    private static final double LEGEND_DOT = 10;
    /** Label of rows without a class. */
    static final String UNLABELLED = "unlabelled";

    private EmbeddingMap() {}

    /**
     * Computes the projection and writes the map.
     *
     * @return the figure; its title names the explained variance
     */
    public static Figure write(Embeddings embeddings, Path png) throws IOException {
        EmbeddingMatrix x = embeddings.matrix();
        PrincipalComponents pca = PrincipalComponents.of(x, Math.min(AXES, x.dimension()));
        Map<Integer, String> names = embeddings.index().classNames();
        Map<Integer, XYSeries> byLabel = new TreeMap<>();
        int[] labels = embeddings.index().labels();
        for (int r = 0; r < x.rows(); r++) {
            int label = labels[r];
            double[] p = pca.project(x, r);
            byLabel.computeIfAbsent(label, l -> new XYSeries(seriesName(l, names), false, true))
                    .add(p[0], p.length > 1 ? p[1] : 0, false);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        double size = x.rows() <= SPARSE_POINTS ? SPARSE_DOT : DOT;
        Shape dot = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        Shape legendDot = new Rectangle2D.Double(-LEGEND_DOT / 2, -LEGEND_DOT / 2, LEGEND_DOT, LEGEND_DOT);
        int s = 0;
        for (var e : byLabel.entrySet()) {
            data.addSeries(e.getValue());
            Color colour = e.getKey() < 0 ? Color.GRAY : Palette.colour(e.getKey());
            renderer.setSeriesPaint(s, Palette.withAlpha(colour, DOT_ALPHA));
            renderer.setSeriesShape(s, dot);
            renderer.setLegendShape(s, legendDot);
            s++;
        }
        String title = String.format(Locale.ROOT, "PCA of %d embeddings (D = %d), coloured by class", x.rows(),
                x.dimension());
        JFreeChart chart = ChartFactory.createScatterPlot(title, axisLabel(pca, 0), axisLabel(pca, 1), data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
        return new Figure(png.getFileName().toString(), title, WIDTH, HEIGHT);
    }

    /** The legend name; labels sharing a class name get their number appended, since series keys must differ. */
    private static String seriesName(int label, Map<Integer, String> names) {
        if (label < 0) {
            return UNLABELLED;
        }
        String name = names.getOrDefault(label, Integer.toString(label));
        boolean shared = names.values().stream().filter(name::equals).count() > 1 || name.equals(UNLABELLED);
        return shared ? name + " (" + label + ")" : name;
    }

    private static String axisLabel(PrincipalComponents pca, int j) {
        if (j >= pca.components().length) {
            return "";
        }
        return String.format(Locale.ROOT, "PC%d (%.1f%% of variance)", j + 1, 100 * pca.explainedFraction(j));
    }
}
