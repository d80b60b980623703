package cnnkit.hidden.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays values out as text for feedback: a matrix as aligned rows, a stack as its maps one after the other, a
 * vector on one line. Cells that differ from the other value (expected vs. actual) are marked with {@code *}.
 * Large values are summarised instead of printed in full.
 */
final class Layout {
    /** Values with more cells than this are summarised (shape, range, first cells). */
    static final int MAX_CELLS_IN_FULL = 64;

    private Layout() {}

    /** @return the value in full, or a summary if it is large */
    static String show(Object value) {
        return show(Cells.of(value), null);
    }

    /**
     * @param value what to lay out
     * @param other the value to compare with (cells that differ get a {@code *}), or null
     */
    static String show(Cells value, Cells other) {
        if (!value.regular()) {
            return value.shape();
        }
        if (value.count() > MAX_CELLS_IN_FULL) {
            return summary(value);
        }
        boolean mark = other != null && other.regular() && sameShape(value, other);
        if (value.rank() == 0) {
            double v = value.cells()[0][0][0];
            return Cells.number(v) + (mark && !Cells.close(other.cells()[0][0][0], v) ? " *" : "");
        }
        List<String> lines = new ArrayList<>();
        double[][][] c = value.cells();
        int width = 1;
        for (double[][] map : c) {
            for (double[] row : map) {
                for (double x : row) {
                    width = Math.max(width, Cells.number(x).length());
                }
            }
        }
        for (int m = 0; m < c.length; m++) {
            if (value.rank() == 3) {
                lines.add("map " + (m + 1) + ":"); // counted from 1, as the summary line counts
            }
            for (int r = 0; r < c[m].length; r++) {
                StringBuilder line = new StringBuilder(value.rank() == 3 ? "  " : "");
                for (int k = 0; k < c[m][r].length; k++) {
                    boolean differs = mark && !Cells.close(other.cells()[m][r][k], c[m][r][k]);
                    line.append(String.format("%" + width + "s", Cells.number(c[m][r][k])))
                            .append(differs ? "* " : "  ");
                }
                lines.add(line.toString().stripTrailing());
            }
        }
        return String.join("\n", lines);
    }

    static boolean sameShape(Cells a, Cells b) {
        if (a.rank() != b.rank() || a.cells().length != b.cells().length) {
            return false;
        }
        for (int m = 0; m < a.cells().length; m++) {
            if (a.cells()[m].length != b.cells()[m].length) {
                return false;
            }
            for (int r = 0; r < a.cells()[m].length; r++) {
                if (a.cells()[m][r].length != b.cells()[m][r].length) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String summary(Cells value) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<String> first = new ArrayList<>();
        for (double[][] map : value.cells()) {
            for (double[] row : map) {
                for (double x : row) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                    if (first.size() < 8) {
                        first.add(Cells.number(x));
                    }
                }
            }
        }
        return value.shape() + ", values from " + Cells.number(min) + " to " + Cells.number(max) + ", starting "
                + String.join(" ", first) + " …";
    }
}
