package cnn;

/**
 * Argument checks shared by the steps: each throws {@link IllegalArgumentException} with a message that names
 * the argument, what was wrong and the sizes seen, so a caller can fix the call without a debugger.
 */
final class Require {
    private Require() {}

    /** @return the number of columns of a non-null, non-empty, rectangular matrix without null rows */
    static int rectangular(double[][] m, String name) {
        if (m == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (m.length == 0) {
            throw new IllegalArgumentException(name + " is empty (0 rows)");
        }
        for (int r = 0; r < m.length; r++) {
            if (m[r] == null) {
                throw new IllegalArgumentException(name + " row " + r + " is null");
            }
            if (m[r].length != m[0].length) {
                throw new IllegalArgumentException(
                        name + " is ragged: row " + r + " has " + m[r].length + " columns, row 0 has " + m[0].length);
            }
        }
        if (m[0].length == 0) {
            throw new IllegalArgumentException(name + " is empty (" + m.length + " rows of 0 columns)");
        }
        return m[0].length;
    }

    /** Checks a non-empty stack of rectangular maps that all have the same shape. */
    static void sameShapeStack(double[][][] maps, String name) {
        if (maps == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (maps.length == 0) {
            throw new IllegalArgumentException(name + " is empty (0 maps)");
        }
        for (int c = 0; c < maps.length; c++) {
            rectangular(maps[c], name + "[" + c + "]");
            if (maps[c].length != maps[0].length || maps[c][0].length != maps[0][0].length) {
                throw new IllegalArgumentException(name + "[" + c + "] is " + shape(maps[c]) + " but " + name
                        + "[0] is " + shape(maps[0]) + ": all must have the same shape");
            }
        }
    }

    /** Checks two rectangular matrices of the same shape. */
    static void sameShape(double[][] a, String aName, double[][] b, String bName) {
        rectangular(a, aName);
        rectangular(b, bName);
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new IllegalArgumentException(bName + " is " + shape(b) + " but " + aName + " is " + shape(a)
                    + ": they must have the same shape");
        }
    }

    /** Checks two stacks of same-shape maps that have the same shape as each other. */
    static void sameShape(double[][][] a, String aName, double[][][] b, String bName) {
        sameShapeStack(a, aName);
        sameShapeStack(b, bName);
        if (a.length != b.length || a[0].length != b[0].length || a[0][0].length != b[0][0].length) {
            throw new IllegalArgumentException(bName + " is " + b.length + " maps of " + shape(b[0]) + " but " + aName
                    + " is " + a.length + " maps of " + shape(a[0]) + ": they must have the same shape");
        }
    }

    static void nonEmpty(double[] v, String name) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    static void sameLength(double[] a, String aName, double[] b, String bName) {
        nonEmpty(a, aName);
        nonEmpty(b, bName);
        if (a.length != b.length) {
            throw new IllegalArgumentException(aName + " has " + a.length + " values but " + bName + " has " + b.length
                    + ": they must have the same length");
        }
    }

    static void atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }

    static String shape(double[][] m) {
        return m.length + "x" + m[0].length;
    }
}
