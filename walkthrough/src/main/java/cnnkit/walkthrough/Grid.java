package cnnkit.walkthrough;

import cnnkit.lecture.Tolerance;
import java.util.Arrays;
import java.util.Locale;

/**
 * The values one step of the walk shows: a matrix, a vector (one row) or a single number (1x1). One shape for
 * everything lets the walk compare, colour and draw every step the same way.
 *
 * @param cells the values, rectangular; a copy is kept
 */
public record Grid(double[][] cells) {
    /** Two values this close count as the same: the walk compares arithmetic, not bit patterns. */
    public static final double TOLERANCE = Tolerance.CELL;

    public Grid {
        cells = Arrays.stream(cells).map(double[]::clone).toArray(double[][]::new);
    }

    /** @return a vector as a grid of one row */
    public static Grid row(double... values) {
        return new Grid(new double[][] {values});
    }

    /** @return one number as a 1x1 grid */
    public static Grid scalar(double value) {
        return row(value);
    }

    public int rows() {
        return cells.length;
    }

    public int cols() {
        return cells.length == 0 ? 0 : cells[0].length;
    }

    public double get(int r, int c) {
        return cells[r][c];
    }

    /** @return the cells as a fresh matrix (callers may change it) */
    public double[][] matrix() {
        return Arrays.stream(cells).map(double[]::clone).toArray(double[][]::new);
    }

    /** @return the first row as a fresh vector */
    public double[] vector() {
        return cells[0].clone();
    }

    /** @return the single value of a 1x1 grid */
    public double value() {
        return cells[0][0];
    }

    public boolean sameShape(Grid other) {
        return other != null
                && rows() == other.rows()
                && Arrays.stream(cells).allMatch(r -> r.length == other.cols())
                && Arrays.stream(other.cells).allMatch(r -> r.length == cols());
    }

    /** @return true if the shapes agree and every cell is within {@link #TOLERANCE} (relative for large values) */
    public boolean matches(Grid other) {
        if (!sameShape(other)) {
            return false;
        }
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                if (!close(cells[r][c], other.cells[r][c])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return whether cell (r, c) agrees with the same cell of {@code expected} (false if it has no such cell) */
    public boolean cellMatches(Grid expected, int r, int c) {
        return expected != null
                && r < expected.rows()
                && c < expected.cells[r].length
                && close(cells[r][c], expected.cells[r][c]);
    }

    /** @return the number of cells that differ from {@code expected}, or -1 if the shapes differ */
    public int differingCells(Grid expected) {
        if (!sameShape(expected)) {
            return -1;
        }
        int n = 0;
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < cols(); c++) {
                n += close(cells[r][c], expected.cells[r][c]) ? 0 : 1;
            }
        }
        return n;
    }

    /** @return the smallest and largest finite value, for colour scales; {0, 0} if none */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : cells) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo > hi ? new double[] {0, 0} : new double[] {lo, hi};
    }

    /**
     * @param v     a value
     * @param range {@code {smallest, largest}} as from {@link #range()}
     * @return v's place on that scale, 0 (smallest) to 1 (largest); 0 if the scale is flat or v is not finite
     */
    public static double scaled(double v, double[] range) {
        return range[1] > range[0] && Double.isFinite(v) ? (v - range[0]) / (range[1] - range[0]) : 0;
    }

    /** @return "rows x cols", e.g. "5x5" */
    public String shape() {
        return rows() + "x" + cols();
    }

    /** @return whether {@code actual} is {@code expected} by the hidden checks' rule ({@link Tolerance#close}) */
    static boolean close(double actual, double expected) {
        return Tolerance.close(expected, actual);
    }

    /**
     * Formats a value the way the lecture prints it: whole numbers without decimals, others with up to 4.
     *
     * @param v a value
     * @return e.g. "4", "-0.1", "0.7311"
     */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && Arrays.deepEquals(cells, g.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(cells);
    }
}
