package io.amdim4j.report;

import io.amdim4j.run.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One line chart of the report as a PNG: per curve either the raw values (faint) under their
 * {@link MovingAverage} (solid), or the values alone with point markers for sparse per-epoch data.
 */
final class CurveChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    /** Opacity of the raw values behind a smoothed curve. */
    private static final int RAW_ALPHA = 55;
    /** Plotting more points than a PNG has pixels only costs time: longer curves are drawn strided. */
    private static final int MAX_PLOTTED_POINTS = 4000;
    private static final float RAW_STROKE = 1f;
    private static final float LINE_STROKE = 2f;
    private static final double MARKER = 7;
    private static final Color GRID = new Color(0xdddddd);

    /**
     * A named series.
     *
     * @param name legend label
     * @param x abscissae, increasing
     * @param y values, finite
     */
    record Curve(String name, double[] x, double[] y) {
        Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
            }
        }
    }

    /** How the curves are drawn. */
    enum Style {
        /** raw values faint, centred moving average solid */
        SMOOTHED,
        /** the values as a plain line (deterministic series such as the learning rate) */
        LINE,
        /** lines with a marker per point (one value per epoch) */
        MARKERS
    }

    private CurveChart() {}

    static Figure write(Path png, String title, String xLabel, String yLabel, List<Curve> curves, Style style)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, style == Style.MARKERS);
        int series = 0;
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            Color colour = Palette.colour(c);
            if (style == Style.SMOOTHED) {
                data.addSeries(series(curve.name() + " (raw)", curve.x(), curve.y()));
                renderer.setSeriesPaint(series, Palette.withAlpha(colour, RAW_ALPHA));
                renderer.setSeriesStroke(series, new BasicStroke(RAW_STROKE));
                renderer.setSeriesVisibleInLegend(series, false);
                series++;
                double[] smooth = MovingAverage.centred(curve.y(), MovingAverage.halfWidth(curve.y().length));
                data.addSeries(series(curve.name(), curve.x(), smooth));
            } else {
                data.addSeries(series(curve.name(), curve.x(), curve.y()));
            }
            renderer.setSeriesPaint(series, colour);
            renderer.setSeriesStroke(series, new BasicStroke(LINE_STROKE));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-MARKER / 2, -MARKER / 2, MARKER, MARKER));
            series++;
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                curves.size() > 1, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        if (style == Style.MARKERS) {
            ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
        return new Figure(png.getFileName().toString(), title, WIDTH, HEIGHT);
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        int stride = Math.max(1, (x.length + MAX_PLOTTED_POINTS - 1) / MAX_PLOTTED_POINTS);
        for (int i = 0; i < x.length; i += stride) {
            s.add(x[i], y[i], false);
        }
        return s;
    }
}
