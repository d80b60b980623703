package cnnkit.grader.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The charts of {@code class-report.html}, drawn with JFreeChart into PNG images of a fixed size.
 *
 * <p>Headless: the grader runs on servers and in CI without a display, so {@code java.awt.headless} is set to true
 * before any AWT class is touched (this class's first use). Flat bars, no gradients or shadows and one fixed font,
 * so the same figures give the same picture; embedded as {@code data:} URIs the HTML stays one file.
 */
final class Charts {
    /** Width of every chart, in pixels. */
    static final int WIDTH = 720;
    /** Height of every chart, in pixels. */
    static final int HEIGHT = 320;

    private static final Color[] STEP_COLOURS = {new Color(198, 40, 40), new Color(249, 168, 37), new Color(46, 125, 50)
    };

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /**
     * @param counts submissions per bucket of {@link ScoreHistogram}
     * @return a bar chart of them as PNG
     */
    static byte[] histogram(int[] counts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int b = 0; b < counts.length; b++) {
            data.addValue(counts[b], "submissions", ScoreHistogram.label(b));
        }
        JFreeChart chart = ChartFactory.createBarChart(
                null, "share of the maximum score", "submissions", data, PlotOrientation.VERTICAL, false, false, false);
        return png(chart, false);
    }

    /**
     * @param steps the figures of each step
     * @return stacked bars per step: how many submissions scored nothing, part or all of it, as PNG
     */
    static byte[] steps(List<StepFigures> steps) {
        return steps(cnnkit.grader.common.Assignment.FORWARD, steps);
    }

    /** As {@link #steps(List)}, the bars named by the assignment's units (Part 2: e.g. ReluBackward). */
    static byte[] steps(cnnkit.grader.common.Assignment assignment, List<StepFigures> steps) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (StepFigures f : steps) {
            String column = assignment.unit(f.step()).orElse(f.step().className());
            data.addValue(f.zero(), "0 points", column);
            data.addValue(f.partial(), "some points", column);
            data.addValue(f.full(), "full marks", column);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(
                null, null, "submissions", data, PlotOrientation.VERTICAL, true, false, false);
        return png(chart, true);
    }

    /** @return the PNG as a {@code data:image/png;base64,...} URI */
    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static byte[] png(JFreeChart chart, boolean coloured) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, coloured ? STEP_COLOURS[0] : new Color(33, 102, 172));
        for (int s = 1; s < STEP_COLOURS.length; s++) {
            renderer.setSeriesPaint(s, STEP_COLOURS[s]);
        }
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
        return png.toByteArray();
    }
}
