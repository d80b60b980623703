package cnnkit.walkthrough;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the walk as one self-contained page: inline CSS, no scripts, no external resources, feature maps drawn
 * as heatmap tables. The markup is well-formed XML (every element closed, text escaped) so tools can parse it.
 * Its one link, only when there is a training page beside it ({@link #trainingPageBeside}), goes to that page.
 *
 * <p>Each heatmap cell carries its value ({@code data-value}) and is shaded from white (the grid's smallest value)
 * to blue (its largest): see {@link #heat}. Judged cells also carry {@code right} or {@code wrong}.
 */
public final class HtmlPage {
    private static final int[] LOW = {255, 255, 255};
    private static final int[] HIGH = {33, 102, 172};
    private static final String CSS = """
        body { font-family: sans-serif; max-width: 60em; margin: 2em auto; color: #222; line-height: 1.4; }
        section { border-left: 6px solid #999; padding: 0.2em 1em; margin: 1.5em 0; }
        section.right { border-color: #2e7d32; } section.wrong { border-color: #c62828; }
        section.not-implemented, section.does-not-compile { border-color: #f9a825; }
        .verdict { font-weight: bold; } .right .verdict { color: #2e7d32; } .wrong .verdict { color: #c62828; }
        .not-implemented .verdict, .does-not-compile .verdict { color: #a66f00; }
        .hint { background: #fff3e0; border: 1px solid #f9a825; padding: 0.5em; }
        figure { display: inline-block; margin: 0.5em 1.5em 0.5em 0; vertical-align: top; }
        figcaption { font-size: 0.9em; color: #555; margin-bottom: 0.3em; }
        table.heatmap { border-collapse: collapse; }
        table.heatmap td { width: 2.6em; height: 2.2em; text-align: center; border: 1px solid #ccc;
          font-family: monospace; }
        table.heatmap td.wrong { outline: 3px solid #c62828; outline-offset: -3px; font-weight: bold; }
        table.heatmap td.right { outline: 2px solid #2e7d32; outline-offset: -2px; }
        table.plain { border-collapse: collapse; margin: 0.5em 0; }
        table.plain th, table.plain td { border: 1px solid #ccc; padding: 0.2em 0.6em; }
        ol.calculations { font-family: monospace; font-size: 0.85em; }
        ol.calculations li { margin: 0.15em 0; } svg.window { vertical-align: middle; margin-right: 0.8em; }
        """;

    private HtmlPage() {}

    /**
     * Where {@code train} puts its page for a walk page written to {@code page}: {@code training.html} in the same
     * folder, or in its {@code train-out/} (train's default {@code --out}, when both commands run in one folder).
     *
     * @param page the walk page's file
     * @return the training page as a link relative to the walk page, e.g. {@code "train-out/training.html"}, if
     *     there is one
     */
    public static Optional<String> trainingPageBeside(Path page) {
        Path folder = page.toAbsolutePath().getParent();
        return Stream.of("training.html", "train-out/training.html")
                .filter(link -> Files.isRegularFile(folder.resolve(link)))
                .findFirst();
    }

    /**
     * @param scenes the walk
     * @param source where the learner's code came from, for the page's header
     * @return the page, without a link to a training page
     */
    public static String render(List<Scene> scenes, String source) {
        return render(scenes, source, Optional.empty());
    }

    /**
     * @param scenes   the walk
     * @param source   where the learner's code came from, for the page's header
     * @param training a link to the page of a training run ({@link TrainingPage}), or empty: then the page says how
     *                 to make one
     * @return the page
     */
    public static String render(List<Scene> scenes, String source, Optional<String> training) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n")
                .append("<title>CNN walkthrough</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>The lecture's CNN, step by step, on your code</h1>\n")
                .append("<p class=\"source\">Your code: ")
                .append(escape(source))
                .append("</p>\n");
        for (Scene s : scenes) {
            scene(h, s);
        }
        if (scenes.size() < Walkthrough.SCENES
                && !scenes.isEmpty()
                && scenes.get(scenes.size() - 1).verdict() == Scene.Verdict.WRONG) {
            h.append("<p class=\"stopped\">The walk stops at the first wrong step: the next steps build on it.</p>\n");
        }
        training(h, training);
        return h.append("</body>\n</html>\n").toString();
    }

    /** Part 2's capstone, after the walk: a link to the training page, or how to make one. */
    private static void training(StringBuilder h, Optional<String> link) {
        h.append("<footer class=\"training\" id=\"training\">\n<h2>Training the network on handwritten digits</h2>\n");
        if (link.isPresent()) {
            h.append("<p>Your last training run (the pictures of loss and test accuracy per epoch and of the learned "
                            + "feature detectors): <a href=\"")
                    .append(escape(link.get()))
                    .append("\">")
                    .append(escape(link.get()))
                    .append("</a>, written by <code>train</code>.</p>\n");
        } else {
            h.append("<p>With every backward pass done and <code>Training</code> written, <code>./cnnkit train</code> "
                    + "(in the handout: <code>java -jar cnn-walkthrough.jar train</code>) trains the lecture's network "
                    + "on handwritten digits with your code and writes <code>train-out/training.html</code>: the loss "
                    + "and test accuracy per epoch and the feature detectors it learned. Run it in this page's folder "
                    + "and write this page again: it then links to it here.</p>\n");
        }
        h.append("</footer>\n");
    }

    private static void scene(StringBuilder h, Scene s) {
        String verdictClass = s.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
        h.append("<section class=\"scene ")
                .append(verdictClass)
                .append("\" id=\"step-")
                .append(s.number())
                .append("\">\n<h2>")
                .append(escape(s.title()))
                .append("</h2>\n");
        boolean inList = false;
        for (Scene.Block block : s.blocks()) {
            boolean calculation = block instanceof Scene.Calculation;
            if (calculation != inList) {
                h.append(calculation ? "<ol class=\"calculations\">\n" : "</ol>\n");
                inList = calculation;
            }
            if (block instanceof Scene.Calculation c) {
                h.append("<li>");
                if (c.window() != null) {
                    miniature(h, c.window());
                }
                h.append(escape(c.text())).append("</li>\n");
            } else if (block instanceof Scene.Text t) {
                h.append("<p>").append(escape(t.text())).append("</p>\n");
            } else if (block instanceof Scene.Heatmap m) {
                heatmap(h, m);
            } else if (block instanceof Scene.Table t) {
                table(h, t);
            }
        }
        if (inList) {
            h.append("</ol>\n");
        }
        h.append("<p class=\"verdict\">")
                .append(escape(s.name() + ": " + s.verdict().text()))
                .append("</p>\n");
        if (!s.hint().isEmpty()) {
            h.append("<p class=\"hint\"><strong>Hint:</strong> ")
                    .append(escape(s.hint()))
                    .append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static void heatmap(StringBuilder h, Scene.Heatmap m) {
        Grid g = m.values();
        double[] range = g.range();
        h.append("<figure class=\"heatmap\">\n<figcaption>")
                .append(escape(m.caption() + " (" + g.shape() + ")"))
                .append("</figcaption>\n<table class=\"heatmap\">\n");
        for (int r = 0; r < g.rows(); r++) {
            h.append("<tr>");
            double[] row = g.cells()[r];
            for (int c = 0; c < row.length; c++) {
                double v = row[c];
                double t = Grid.scaled(v, range);
                String judged = m.expected() == null ? "" : m.wrong(r, c) ? " wrong" : " right";
                h.append("<td class=\"cell")
                        .append(judged)
                        .append("\" data-value=\"")
                        .append(Grid.format(v))
                        .append("\" style=\"background-color: ")
                        .append(heat(t))
                        .append("; color: ")
                        .append(t > 0.6 ? "#fff" : "#000")
                        .append(windowBorders(m.window(), r, c))
                        .append("\">")
                        .append(escape(Grid.format(v)))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</figure>\n");
    }

    /** A small drawing of the grid, shaded like its heatmap, with the window outlined: where this line reads. */
    private static void miniature(StringBuilder h, Scene.Window w) {
        final int cell = 8;
        Grid g = w.over();
        double[] range = g.range();
        h.append("<svg class=\"window\" width=\"")
                .append(g.cols() * cell)
                .append("\" height=\"")
                .append(g.rows() * cell)
                .append("\" viewBox=\"0 0 ")
                .append(g.cols() * cell)
                .append(' ')
                .append(g.rows() * cell)
                .append("\">");
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                double t = Grid.scaled(g.get(r, c), range);
                h.append("<rect x=\"")
                        .append(c * cell)
                        .append("\" y=\"")
                        .append(r * cell)
                        .append("\" width=\"")
                        .append(cell)
                        .append("\" height=\"")
                        .append(cell)
                        .append("\" fill=\"")
                        .append(heat(t))
                        .append("\" stroke=\"#ccc\" stroke-width=\"0.5\"/>");
            }
        }
        int rows = Math.min(w.rows(), g.rows() - w.top());
        int cols = Math.min(w.cols(), g.cols() - w.left());
        h.append("<rect class=\"detector\" x=\"")
                .append(w.left() * cell + 1)
                .append("\" y=\"")
                .append(w.top() * cell + 1)
                .append("\" width=\"")
                .append(cols * cell - 2)
                .append("\" height=\"")
                .append(rows * cell - 2)
                .append("\" fill=\"none\" stroke=\"#e65100\" stroke-width=\"2\"/></svg>");
    }

    /** Thick rules where a pooling window starts, so each window reads as one block. */
    private static String windowBorders(int window, int r, int c) {
        if (window <= 0) {
            return "";
        }
        String s = "";
        if (r % window == 0) {
            s += "; border-top: 3px solid #333";
        }
        if (c % window == 0) {
            s += "; border-left: 3px solid #333";
        }
        return s;
    }

    private static void table(StringBuilder h, Scene.Table t) {
        h.append("<table class=\"plain\">\n<caption>")
                .append(escape(t.caption()))
                .append("</caption>\n<tr>");
        for (String head : t.header()) {
            h.append("<th>").append(escape(head)).append("</th>");
        }
        h.append("</tr>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                h.append("<td>").append(escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * @param t position on the grid's scale, 0 (its smallest value) to 1 (its largest)
     * @return the cell's background as CSS, e.g. {@code rgb(33, 102, 172)} (how browsers report it back)
     */
    public static String heat(double t) {
        double u = Math.max(0, Math.min(1, t));
        return String.format(Locale.ROOT, "rgb(%d, %d, %d)", mix(0, u), mix(1, u), mix(2, u));
    }

    private static int mix(int channel, double u) {
        return (int) Math.round(LOW[channel] + (HIGH[channel] - LOW[channel]) * u);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
