package cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Gradient checking, as in CS231n: compare the gradient your backward pass computes (the <em>analytic</em>
 * gradient) with a <em>numerical</em> one obtained from the forward pass alone. Given, not an exercise: use it in
 * your own tests, on your own inputs, as the public tests do.
 *
 * <p><b>The idea.</b> A backward pass receives {@code g = ∂L/∂y} for the step's output {@code y = f(x)} and returns
 * {@code ∂L/∂x}. Take the scalar {@code L(x) = Σ g ⊙ f(x)} ({@link #dot}): its derivative with respect to a cell
 * {@code x_i} is exactly what the backward pass must return for that cell. Nudge the cell both ways by
 * {@code h} and take the central difference
 * <pre>
 *   ∂L/∂x_i ≈ (L(x + h·e_i) − L(x − h·e_i)) / 2h        h = {@value #H}
 * </pre>
 * For example, to check your ReLU on a map {@code x} with a gradient {@code g}:
 * <pre>{@code
 *   double[][] analytic = Relu.backward(x, g);
 *   double[][] numerical = GradientCheck.numericalGradient(in -> GradientCheck.dot(g, Relu.apply(in)), x);
 *   GradientCheck.Result r = GradientCheck.compare(analytic, numerical);
 *   System.out.println(r);          // max relative error 0 at [0][0] ... below 1e-7: the gradients agree
 *   assert r.agrees();
 * }</pre>
 *
 * <p><b>The error measure and its tolerance.</b> Cell by cell, the relative error
 * {@code |a − n| / max(1e-8, |a| + |n|)} (CS231n's form: relative, so it does not depend on the gradient's scale;
 * the 1e-8 keeps two zeros from dividing by zero), and its maximum over all cells. CS231n's rule of thumb: above
 * 1e-2 the gradient is probably wrong; 1e-4 is acceptable only near kinks; it <em>should be below 1e-7</em>
 * ({@link #TOLERANCE}). Here that is easy to meet: convolution, pooling, flattening and the full connection are
 * linear in the argument you nudge, so the central difference is exact up to rounding (about 1e-10); softmax is
 * smooth and its difference errs by about {@code h²} = 1e-10. A wrong gradient is off by 1e-1 or more.
 *
 * <p><b>Kinks.</b> ReLU bends at 0 and max pooling switches cell when two values cross. If a cell is within
 * {@code h} of a kink, the two nudges land on different sides and the numerical gradient is meaningless there:
 * check on inputs whose cells are at least 1e-3 away from 0 and from each other within a window (ties are checked
 * by hand-worked cases instead).
 *
 * <p>The function you give is called twice per cell on a copy of {@code x}; {@code x} itself is never changed.
 */
public final class GradientCheck {
    /** The nudge of the central difference. */
    public static final double H = 1e-5;
    /** CS231n's "should be below": the largest relative error of gradients that agree. */
    public static final double TOLERANCE = 1e-7;

    private GradientCheck() {}

    /**
     * The outcome of {@link #compare}: the largest relative error and the cell where it occurs.
     *
     * @param maxRelativeError the largest {@link #relativeError} over all cells
     * @param where            that cell, e.g. {@code "[2][0]"}
     * @param analytic         the analytic gradient there
     * @param numerical        the numerical gradient there
     */
    public record Result(double maxRelativeError, String where, double analytic, double numerical) {
        /** @return true if the largest relative error is below {@link #TOLERANCE} */
        public boolean agrees() {
            return maxRelativeError < TOLERANCE;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "max relative error %.3g at %s (analytic %.10g, numerical %.10g): %s",
                    maxRelativeError,
                    where,
                    analytic,
                    numerical,
                    agrees()
                            ? "below 1e-7: the gradients agree"
                            : "should be below 1e-7: the backward pass and the forward pass disagree"
                                    + (maxRelativeError < 1e-2 ? " (or a cell sits on a kink)" : ""));
        }
    }

    /**
     * @param analytic  one cell of your gradient
     * @param numerical the same cell of the numerical gradient
     * @return {@code |a − n| / max(1e-8, |a| + |n|)}; 0 if both are 0; infinity if either is NaN or infinite
     */
    public static double relativeError(double analytic, double numerical) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numerical)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(analytic - numerical) / Math.max(1e-8, Math.abs(analytic) + Math.abs(numerical));
    }

    /** @return {@code Σ g_i · y_i}: the scalar whose gradient a backward pass given {@code g} computes */
    public static double dot(double[] g, double[] y) {
        return dot(Rows.of(g, "g"), Rows.of(y, "y"));
    }

    /** @return {@code Σ g[r][c] · y[r][c]} */
    public static double dot(double[][] g, double[][] y) {
        return dot(Rows.of(g, "g"), Rows.of(y, "y"));
    }

    /** @return {@code Σ g[m][r][c] · y[m][r][c]} */
    public static double dot(double[][][] g, double[][][] y) {
        return dot(Rows.of(g, "g"), Rows.of(y, "y"));
    }

    /**
     * @param loss a scalar function of a vector, e.g. {@code v -> dot(g, Softmax.apply(v))}
     * @param x    where to take the gradient (not changed)
     * @return the central-difference gradient of {@code loss} at {@code x}, the shape of {@code x}
     */
    public static double[] numericalGradient(ToDoubleFunction<double[]> loss, double[] x) {
        Rows.of(x, "x");
        double[] probe = x.clone();
        double[] grad = new double[x.length];
        nudgeEach(Rows.of(probe, "x"), Rows.of(grad, "x"), () -> loss.applyAsDouble(probe));
        return grad;
    }

    /** As {@link #numericalGradient(ToDoubleFunction, double[])}, for a matrix. */
    public static double[][] numericalGradient(ToDoubleFunction<double[][]> loss, double[][] x) {
        Rows.of(x, "x");
        double[][] probe = copy(x);
        double[][] grad = zerosLike(x);
        nudgeEach(Rows.of(probe, "x"), Rows.of(grad, "x"), () -> loss.applyAsDouble(probe));
        return grad;
    }

    /** As {@link #numericalGradient(ToDoubleFunction, double[])}, for a stack of matrices {@code [m][row][col]}. */
    public static double[][][] numericalGradient(ToDoubleFunction<double[][][]> loss, double[][][] x) {
        Rows.of(x, "x");
        double[][][] probe = new double[x.length][][];
        double[][][] grad = new double[x.length][][];
        for (int m = 0; m < x.length; m++) {
            probe[m] = copy(x[m]);
            grad[m] = zerosLike(x[m]);
        }
        nudgeEach(Rows.of(probe, "x"), Rows.of(grad, "x"), () -> loss.applyAsDouble(probe));
        return grad;
    }

    /** As {@link #numericalGradient(ToDoubleFunction, double[])}, for a layer's filters {@code [f][c][row][col]}. */
    public static double[][][][] numericalGradient(ToDoubleFunction<double[][][][]> loss, double[][][][] x) {
        Rows.of(x, "x");
        double[][][][] probe = new double[x.length][][][];
        double[][][][] grad = new double[x.length][][][];
        for (int f = 0; f < x.length; f++) {
            probe[f] = new double[x[f].length][][];
            grad[f] = new double[x[f].length][][];
            for (int c = 0; c < x[f].length; c++) {
                probe[f][c] = copy(x[f][c]);
                grad[f][c] = zerosLike(x[f][c]);
            }
        }
        nudgeEach(Rows.of(probe, "x"), Rows.of(grad, "x"), () -> loss.applyAsDouble(probe));
        return grad;
    }

    /**
     * @param analytic  your gradient
     * @param numerical the numerical gradient, the same shape
     * @return the largest relative error and the cell where it is
     * @throws IllegalArgumentException if an argument is null or the shapes differ
     */
    public static Result compare(double[] analytic, double[] numerical) {
        return compare(Rows.of(analytic, "analytic"), Rows.of(numerical, "numerical"));
    }

    /** As {@link #compare(double[], double[])}, for matrices. */
    public static Result compare(double[][] analytic, double[][] numerical) {
        return compare(Rows.of(analytic, "analytic"), Rows.of(numerical, "numerical"));
    }

    /** As {@link #compare(double[], double[])}, for stacks of matrices. */
    public static Result compare(double[][][] analytic, double[][][] numerical) {
        return compare(Rows.of(analytic, "analytic"), Rows.of(numerical, "numerical"));
    }

    /** As {@link #compare(double[], double[])}, for filters {@code [f][c][row][col]}. */
    public static Result compare(double[][][][] analytic, double[][][][] numerical) {
        return compare(Rows.of(analytic, "analytic"), Rows.of(numerical, "numerical"));
    }

    /** Every cell, once: nudged up, nudged down, restored. */
    private static void nudgeEach(Rows probe, Rows grad, DoubleSupplier loss) {
        for (int k = 0; k < probe.rows.size(); k++) {
            double[] row = probe.rows.get(k);
            for (int i = 0; i < row.length; i++) {
                double old = row[i];
                row[i] = old + H;
                double plus = loss.getAsDouble();
                row[i] = old - H;
                double minus = loss.getAsDouble();
                row[i] = old;
                grad.rows.get(k)[i] = (plus - minus) / (2 * H);
            }
        }
    }

    private static Result compare(Rows a, Rows n) {
        a.requireSameShape(n);
        Result worst = new Result(0, "nowhere", 0, 0);
        for (int k = 0; k < a.rows.size(); k++) {
            for (int i = 0; i < a.rows.get(k).length; i++) {
                double e = relativeError(a.rows.get(k)[i], n.rows.get(k)[i]);
                if (e > worst.maxRelativeError() || k + i == 0) {
                    worst = new Result(e, a.labels.get(k) + "[" + i + "]", a.rows.get(k)[i], n.rows.get(k)[i]);
                }
            }
        }
        return worst;
    }

    private static double dot(Rows g, Rows y) {
        g.requireSameShape(y);
        double sum = 0;
        for (int k = 0; k < g.rows.size(); k++) {
            for (int i = 0; i < g.rows.get(k).length; i++) {
                sum += g.rows.get(k)[i] * y.rows.get(k)[i];
            }
        }
        return sum;
    }

    /** The innermost rows of an array of any depth, each with its index, e.g. {@code "[1][0]"}; no copy. */
    private static final class Rows {
        final List<double[]> rows = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final String name;

        private Rows(String name) {
            this.name = name;
        }

        static Rows of(double[] v, String name) {
            return new Rows(name).add(v, "");
        }

        static Rows of(double[][] m, String name) {
            Rows rows = new Rows(name);
            nonNull(m, name);
            for (int r = 0; r < m.length; r++) {
                rows.add(m[r], "[" + r + "]");
            }
            return rows;
        }

        static Rows of(double[][][] maps, String name) {
            Rows rows = new Rows(name);
            nonNull(maps, name);
            for (int m = 0; m < maps.length; m++) {
                nonNull(maps[m], name + "[" + m + "]");
                for (int r = 0; r < maps[m].length; r++) {
                    rows.add(maps[m][r], "[" + m + "][" + r + "]");
                }
            }
            return rows;
        }

        static Rows of(double[][][][] filters, String name) {
            Rows rows = new Rows(name);
            nonNull(filters, name);
            for (int f = 0; f < filters.length; f++) {
                nonNull(filters[f], name + "[" + f + "]");
                for (int c = 0; c < filters[f].length; c++) {
                    nonNull(filters[f][c], name + "[" + f + "][" + c + "]");
                    for (int r = 0; r < filters[f][c].length; r++) {
                        rows.add(filters[f][c][r], "[" + f + "][" + c + "][" + r + "]");
                    }
                }
            }
            return rows;
        }

        private Rows add(double[] row, String label) {
            nonNull(row, name + label);
            rows.add(row);
            labels.add(label);
            return this;
        }

        void requireSameShape(Rows other) {
            boolean same = labels.equals(other.labels);
            for (int k = 0; same && k < rows.size(); k++) {
                same = rows.get(k).length == other.rows.get(k).length;
            }
            if (!same) {
                throw new IllegalArgumentException(
                        name + " and " + other.name + " have different shapes: " + shape() + " and " + other.shape());
            }
        }

        private String shape() {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < rows.size(); k++) {
                sb.append(k == 0 ? "" : " ").append(labels.get(k)).append(':').append(rows.get(k).length);
            }
            return sb.length() == 0 ? "none" : sb.toString();
        }

        private static void nonNull(Object array, String name) {
            if (array == null) {
                throw new IllegalArgumentException(name + " is null");
            }
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r].clone();
        }
        return out;
    }

    private static double[][] zerosLike(double[][] m) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = new double[m[r].length];
        }
        return out;
    }
}
