package cnnkit.walkthrough;

import java.io.PrintWriter;
import java.util.List;

/**
 * Draws the walk on a terminal: grids with right cells green and wrong cells red (ANSI colours), inputs shaded
 * like a heatmap, pooling windows marked with rules, and the arithmetic lines appearing one by one.
 *
 * <p>Without colour, wrong cells are marked {@code [x]} instead; with speed 0 nothing waits (tests, pipes).
 */
public final class TerminalView {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[1;37;41m";
    private static final String YELLOW = "\u001b[33m";
    private static final long LINE_MILLIS = 60;
    private static final long SCENE_MILLIS = 800;
    private static final long FRAME_MILLIS = 250;

    /** How the view waits between lines; tests never sleep (speed 0 never calls it). */
    @FunctionalInterface
    public interface Pause {
        void pause(long millis);

        /** Sleeps; an interrupt ends the waiting, not the walk. */
        Pause SLEEP = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private final PrintWriter out;
    private final boolean colour;
    private final double speed;
    private final Pause pause;

    /**
     * @param out    where to draw
     * @param colour whether to use ANSI colours
     * @param speed  delay factor: 1 is the normal pace, 2 twice as slow, 0 no animation
     * @param pause  how to wait
     */
    public TerminalView(PrintWriter out, boolean colour, double speed, Pause pause) {
        this.out = out;
        this.colour = colour;
        this.speed = Math.max(0, speed);
        this.pause = pause;
    }

    /** Shows the scenes, then one line that sums them up. */
    public void show(List<Scene> scenes) {
        for (Scene s : scenes) {
            show(s);
        }
        out.println();
        out.println(paint(BOLD, summary(scenes)));
        out.flush();
    }

    /** @return e.g. "steps shown: 14 of 14; matching the lecture: 3; not implemented yet: 5" (and the wrong one) */
    public static String summary(List<Scene> scenes) {
        long right =
                scenes.stream().filter(s -> s.verdict() == Scene.Verdict.RIGHT).count();
        long missing = scenes.stream()
                .filter(s -> s.verdict() == Scene.Verdict.NOT_IMPLEMENTED)
                .count();
        long broken = scenes.stream()
                .filter(s -> s.verdict() == Scene.Verdict.DOES_NOT_COMPILE)
                .count();
        String text = "steps shown: " + scenes.size() + " of " + Walkthrough.SCENES + "; matching the lecture: " + right
                + "; not implemented yet: " + missing + (broken == 0 ? "" : "; does not compile: " + broken);
        return scenes.stream()
                .filter(s -> s.verdict() == Scene.Verdict.WRONG)
                .findFirst()
                .map(s -> text + "; wrong: " + s.label() + " (" + s.name() + ")")
                .orElse(text);
    }

    public void show(Scene scene) {
        out.println();
        out.println(paint(BOLD, "== " + scene.number() + "/" + Walkthrough.SCENES + "  " + scene.title() + " =="));
        for (Scene.Block block : scene.blocks()) {
            if (block instanceof Scene.Text t) {
                out.println(t.text());
            } else if (block instanceof Scene.Calculation c) {
                if (c.window() != null && colour && speed > 0) {
                    frame(c.window());
                }
                out.println("  " + c.text());
                linger(LINE_MILLIS);
            } else if (block instanceof Scene.Heatmap h) {
                heatmap(h);
            } else if (block instanceof Scene.Table t) {
                table(t);
            }
        }
        String code = switch (scene.verdict()) {
            case RIGHT -> GREEN;
            case WRONG -> RED;
            case NOT_IMPLEMENTED, DOES_NOT_COMPILE -> YELLOW;
        };
        out.println(paint(
                        code,
                        switch (scene.verdict()) {
                            case RIGHT -> "✔ ";
                            case WRONG -> "✘ ";
                            case NOT_IMPLEMENTED -> "○ ";
                            case DOES_NOT_COMPILE -> "✎ ";
                        })
                + paint(code, scene.name() + ": " + scene.verdict().text()));
        if (!scene.hint().isEmpty()) {
            out.println("Hint: " + scene.hint());
            out.println("The walk stops here: the next steps build on this one. Fix it and run the walkthrough again.");
        }
        linger(SCENE_MILLIS);
    }

    /** Draws the grid with the window lit, waits, then erases it: the detector (or window) seen moving. */
    private void frame(Scene.Window w) {
        Grid g = w.over();
        for (int r = 0; r < g.rows(); r++) {
            StringBuilder line = new StringBuilder("    ");
            for (int c = 0; c < g.cols(); c++) {
                String text = " " + Grid.format(g.get(r, c)) + " ";
                line.append(w.covers(r, c) ? "\u001b[30;43m" + text + RESET : text);
            }
            out.println(line);
        }
        linger(FRAME_MILLIS);
        out.print("\u001b[" + g.rows() + "A\u001b[J"); // back up over the frame and clear it
    }

    private void heatmap(Scene.Heatmap h) {
        out.println("  " + h.caption() + " (" + h.values().shape() + "):");
        Grid g = h.values();
        int width = 1;
        for (double[] row : g.cells()) {
            for (double v : row) {
                width = Math.max(width, Grid.format(v).length());
            }
        }
        double[] range = g.range();
        for (int r = 0; r < g.rows(); r++) {
            if (h.window() > 0 && r > 0 && r % h.window() == 0) {
                int cols = g.cells()[r].length;
                out.println("    " + "-".repeat(cols * (width + 3) + (cols - 1) / h.window() * 2));
            }
            StringBuilder line = new StringBuilder("    ");
            for (int c = 0; c < g.cells()[r].length; c++) {
                if (h.window() > 0 && c > 0 && c % h.window() == 0) {
                    line.append("| ");
                }
                line.append(cell(h, r, c, width, range)).append(' ');
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private String cell(Scene.Heatmap h, int r, int c, int width, double[] range) {
        String text = String.format("%" + width + "s", Grid.format(h.values().cells()[r][c]));
        boolean wrong = h.wrong(r, c);
        if (!colour) {
            return wrong ? "[" + text + "]" : " " + text + " ";
        }
        if (h.expected() == null) { // an input: shade it like a heatmap, dark (low) to light (high)
            double t = Grid.scaled(h.values().cells()[r][c], range);
            int grey = 235 + (int) Math.round(t * 20);
            String fg = t > 0.5 ? "\u001b[30m" : "\u001b[97m";
            return "\u001b[48;5;" + grey + "m" + fg + " " + text + " " + RESET;
        }
        return (wrong ? RED : GREEN) + " " + text + " " + RESET;
    }

    private void table(Scene.Table t) {
        out.println("  " + t.caption() + ":");
        int[] widths = new int[t.header().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = t.header().get(i).length();
            for (List<String> row : t.rows()) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(paint(BOLD, row(t.header(), widths)));
        for (List<String> row : t.rows()) {
            out.println(row(row, widths));
        }
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder s = new StringBuilder("    ");
        for (int i = 0; i < cells.size(); i++) {
            s.append(String.format("%-" + widths[i] + "s", cells.get(i))).append("  ");
        }
        return s.toString().stripTrailing();
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private void linger(long millis) {
        out.flush();
        if (speed > 0) {
            pause.pause(Math.round(millis * speed));
        }
    }
}
