package cnnkit.walkthrough.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two pictures of a training run, as PNG bytes: the loss and accuracy per epoch (a JFreeChart line chart) and
 * the learned feature detectors as greyscale images (as CS231n shows a network's first-layer weights).
 *
 * <p>Headless ({@code java.awt.headless} is set before any AWT class is touched), one fixed font, no anti-aliasing
 * of the detectors' cells: the same run gives the same pictures.
 */
public final class TrainingPictures {
    /** Size of {@code loss.png}, in pixels. */
    public static final int CHART_WIDTH = 800;
    /** Size of {@code loss.png}, in pixels. */
    public static final int CHART_HEIGHT = 450;
    /** Side of one detector cell in {@code filters.png}: a 3x3 detector becomes 120x120 pixels. */
    public static final int CELL = 40;
    /** Detectors per row of {@code filters.png}. */
    public static final int ACROSS = 4;

    private static final int GAP = 16;
    private static final int LABEL = 22;
    private static final Color LOSS = new Color(198, 40, 40);
    private static final Color ACCURACY = new Color(33, 102, 172);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TrainingPictures() {}

    /**
     * @param epochs the run's epochs
     * @return {@code loss.png}: the mean training loss (left axis) and the test accuracy (right axis, 0..1) per epoch
     */
    public static byte[] lossChart(List<Trainer.Epoch> epochs) {
        XYSeries loss = new XYSeries("training loss (mean cross-entropy)");
        XYSeries accuracy = new XYSeries("test accuracy");
        for (Trainer.Epoch e : epochs) {
            loss.add(e.number(), e.loss());
            accuracy.add(e.number(), e.accuracy());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Training the lecture's CNN on 8x8 digits",
                "epoch",
                "training loss",
                new XYSeriesCollection(loss),
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        NumberAxis accuracyAxis = new NumberAxis("test accuracy");
        plot.setRangeAxis(1, accuracyAxis);
        plot.setDataset(1, new XYSeriesCollection(accuracy));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, true));
        theme().apply(chart); // once everything is there: it resets paints, so those come after it
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        accuracyAxis.setRange(0, 1);
        plot.setRenderer(0, line(LOSS));
        plot.setRenderer(1, line(ACCURACY));
        return png(chart.createBufferedImage(CHART_WIDTH, CHART_HEIGHT));
    }

    /**
     * Each detector on its own grey scale, as CS231n shows first-layer weights: its smallest weight black, its
     * largest white (a detector with all weights equal is mid-grey), each cell a {@value #CELL}-pixel square.
     *
     * @param detectors {@code [detector][row][col]}
     * @return {@code filters.png}: the detectors side by side, {@value #ACROSS} per row, each labelled
     */
    public static byte[] detectors(double[][][] detectors) {
        int rows = detectors[0].length;
        int cols = detectors[0][0].length;
        int tileW = cols * CELL;
        int tileH = rows * CELL;
        int lines = (detectors.length + ACROSS - 1) / ACROSS;
        int width = GAP + ACROSS * (tileW + GAP);
        int height = LABEL + GAP + lines * (tileH + LABEL + GAP);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(Color.BLACK);
            g.drawString("learned 3x3 feature detectors (black = smallest weight, white = largest)", GAP, LABEL - 4);
            for (int d = 0; d < detectors.length; d++) {
                int x = GAP + (d % ACROSS) * (tileW + GAP);
                int y = LABEL + GAP + (d / ACROSS) * (tileH + LABEL + GAP);
                drawDetector(g, detectors[d], x, y);
                g.setColor(Color.BLACK);
                g.drawString(label(d, detectors[d]), x, y + tileH + LABEL - 6);
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** @return e.g. "1: -0.62 .. 0.71", the detector's number and the range its grey scale spans */
    private static String label(int d, double[][] detector) {
        double[] range = range(detector);
        return String.format(Locale.ROOT, "%d: %.2f .. %.2f", d + 1, range[0], range[1]);
    }

    private static void drawDetector(Graphics2D g, double[][] detector, int x, int y) {
        double[] range = range(detector);
        double min = range[0];
        double max = range[1];
        for (int r = 0; r < detector.length; r++) {
            for (int c = 0; c < detector[r].length; c++) {
                int grey = grey(detector[r][c], min, max);
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(x + c * CELL, y + r * CELL, CELL, CELL);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x - 1, y - 1, detector[0].length * CELL + 1, detector.length * CELL + 1);
    }

    /** @return {smallest, largest} weight of the detector */
    private static double[] range(double[][] detector) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : detector) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new double[] {min, max};
    }

    /** @return 0 (black) for {@code min} to 255 (white) for {@code max}; 128 when they are equal or not finite */
    static int grey(double v, double min, double max) {
        if (!(max > min) || !Double.isFinite(max - min) || !Double.isFinite(v)) {
            return 128;
        }
        return (int) Math.round(255 * (v - min) / (max - min));
    }

    private static XYLineAndShapeRenderer line(Color colour) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        return renderer;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setShadowVisible(false);
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        return theme;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
        return png.toByteArray();
    }
}
