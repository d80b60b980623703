package cnn;

/** Argument checks for every step; each failure says which argument was wrong and how. */
final class Shapes {
    private Shapes() {
    }

    /** Returns the width of a non-empty rectangular grid, or rejects it. */
    static int width(double[][] grid, String what) {
        if (grid == null || grid.length == 0) {
            throw new IllegalArgumentException(what + " must have at least one row, got " + (grid == null ? "null" : "none"));
        }
        int width = -1;
        for (double[] row : grid) {
            if (row == null || row.length == 0 || (width >= 0 && row.length != width)) {
                throw new IllegalArgumentException(what + " must be rectangular with non-empty rows");
            }
            width = row.length;
        }
        return width;
    }

    /** Rejects a stack that is empty or whose grids differ in shape. */
    static void stack(double[][][] grids, String what) {
        if (grids == null || grids.length == 0) {
            throw new IllegalArgumentException(what + " must hold at least one grid");
        }
        int w = width(grids[0], what + "[0]");
        for (int g = 1; g < grids.length; g++) {
            if (width(grids[g], what + "[" + g + "]") != w || grids[g].length != grids[0].length) {
                throw new IllegalArgumentException(what + "[" + g + "] differs in shape from " + what + "[0]");
            }
        }
    }

    /** Rejects a null or empty vector. */
    static void vector(double[] v, String what) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(what + " must hold at least one value");
        }
    }

    /** Rejects two vectors of different lengths. */
    static void pair(double[] a, double[] b) {
        vector(a, "first vector");
        vector(b, "second vector");
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
    }

    /** Rejects a value outside [0, 1] (NaN included). */
    static void probabilities(double[] p, String what) {
        for (double x : p) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException(what + " holds " + x + ", not a probability");
            }
        }
    }

    /** Rejects a non-finite value. */
    static void finite(double[] v, String what) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(what + " holds " + x + ", which is not finite");
            }
        }
    }

    /** Rejects an int below its minimum. */
    static void min(int value, int least, String what) {
        if (value < least) {
            throw new IllegalArgumentException(what + " = " + value + " but must be >= " + least);
        }
    }
}
