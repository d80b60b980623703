// A correct submission written differently from the reference (own helper class, other loops, other checks'
// wording), kept as test data: MutantsTest proves it scores 100.
package cnn;

final class Shapes {
    private Shapes() {
    }

    static void fail(String message) {
        throw new IllegalArgumentException(message);
    }

    static int[] of(double[][] m, String name) {
        if (m == null || m.length == 0) {
            fail(name + " must have at least one row");
        }
        int cols = -1;
        for (double[] row : m) {
            if (row == null || row.length == 0 || (cols >= 0 && row.length != cols)) {
                fail(name + " must be a non-empty rectangle");
            }
            cols = row.length;
        }
        return new int[] {m.length, cols};
    }

    static int[] of(double[][][] s, String name) {
        if (s == null || s.length == 0) {
            fail(name + " must have at least one map");
        }
        int[] first = of(s[0], name + "[0]");
        for (int i = 1; i < s.length; i++) {
            int[] shape = of(s[i], name + "[" + i + "]");
            if (shape[0] != first[0] || shape[1] != first[1]) {
                fail(name + " maps differ in shape");
            }
        }
        return first;
    }

    static void vector(double[] v, String name) {
        if (v == null || v.length == 0) {
            fail(name + " must have at least one value");
        }
    }

    static void finite(double[] v, String name) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                fail(name + " holds " + x + ": every value must be finite");
            }
        }
    }

    static void probabilities(double[] v, String name) {
        for (double x : v) {
            if (!(x >= 0 && x <= 1)) {
                fail(name + " holds " + x + ": every value must be in [0, 1]");
            }
        }
    }
}
