package cnnkit.hidden.support;

import cnnkit.lecture.Tolerance;
import java.util.Arrays;

/**
 * Any value a step returns or takes — a number, a vector, a matrix or a stack of matrices — seen as cells, so that
 * comparing and printing is written once. Rank 0 is a number, 1 a vector, 2 a matrix (map), 3 a stack of maps.
 *
 * @param rank  0 to 3
 * @param cells the value as {@code [map][row][col]}: a number is 1x1x1, a vector one row, a matrix one map
 */
public record Cells(int rank, double[][][] cells) {
    /** Values closer than this (absolutely, or relative to their size) count as equal. */
    public static final double TOLERANCE = Tolerance.CELL;

    /** @throws IllegalArgumentException for anything but a double or a (ragged or not) double array of rank ≤ 3 */
    static Cells of(Object value) {
        if (value instanceof Double d) {
            return new Cells(0, new double[][][] {{{d}}});
        }
        if (value instanceof double[] v) {
            return new Cells(1, new double[][][] {{v}});
        }
        if (value instanceof double[][] m) {
            return new Cells(2, new double[][][] {m});
        }
        if (value instanceof double[][][] s) {
            return new Cells(3, s);
        }
        throw new IllegalArgumentException("not a value of a step: " + value);
    }

    /** Deep copy of a value (or of a rank-4 filter bank), for snapshots of inputs. */
    static Object copy(Object value) {
        if (value instanceof double[] v) {
            return v.clone();
        }
        if (value instanceof Object[] a) {
            Object[] out = Arrays.copyOf(a, a.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] == null ? null : copy(out[i]);
            }
            return out;
        }
        return value;
    }

    /** Same structure and every cell equal within {@link #TOLERANCE} (NaN equals NaN, ∞ equals ∞). */
    static boolean deepClose(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return close(x, y);
        }
        if (a instanceof double[] x && b instanceof double[] y) {
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (!close(x[i], y[i])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Object[] x && b instanceof Object[] y && x.getClass() == y.getClass()) {
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (!deepClose(x[i], y[i])) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }

    /** @return whether {@code actual} equals {@code expected} by the kit's one rule, {@link Tolerance#close} */
    public static boolean close(double expected, double actual) {
        return Tolerance.close(expected, actual);
    }

    /** Null rows, ragged rows or maps of different shapes make a value "irregular": it is compared as a whole. */
    boolean regular() {
        if (cells == null || cells.length == 0) {
            return cells != null;
        }
        for (double[][] map : cells) {
            if (map == null || map.length != cells[0].length) {
                return false;
            }
            for (double[] row : map) {
                if (row == null || cells[0].length == 0 || cells[0][0] == null || row.length != cells[0][0].length) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return e.g. "a number", "9 values", "a 5x5 map", "2 maps of 3x3" */
    String shape() {
        if (!regular()) {
            return "an irregular array (null or ragged rows)";
        }
        int maps = cells.length;
        int rows = maps == 0 ? 0 : cells[0].length;
        int cols = rows == 0 ? 0 : cells[0][0].length;
        return switch (rank) {
            case 0 -> "a number";
            case 1 -> cols + (cols == 1 ? " value" : " values");
            case 2 -> "a " + rows + "x" + cols + " matrix";
            default -> maps + (maps == 1 ? " map" : " maps") + " of " + rows + "x" + cols;
        };
    }

    int count() {
        int n = 0;
        for (double[][] map : cells) {
            for (double[] row : map) {
                n += row.length;
            }
        }
        return n;
    }

    /**
     * @return where a cell is, in the words of the value's rank, e.g. "row 4, col 2" for {@code [3][1]}: counted from
     *     1, as the public tests and the walkthrough count (the sentence says so, see {@link #counting()})
     */
    String where(int map, int row, int col) {
        return switch (rank) {
            case 0 -> "the value";
            case 1 -> "position " + (col + 1);
            case 2 -> "row " + (row + 1) + ", col " + (col + 1);
            default -> "map " + (map + 1) + ", row " + (row + 1) + ", col " + (col + 1);
        };
    }

    /** @return how {@link #where} counts, for the end of the sentence, e.g. " (rows and cols from 1)" */
    String counting() {
        return switch (rank) {
            case 0 -> "";
            case 1 -> " (counted from 1)";
            case 2 -> " (rows and cols from 1)";
            default -> " (maps, rows and cols from 1)";
        };
    }

    /** A number as a student would write it: 4 rather than 4.0, at most 6 significant digits. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", x);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
