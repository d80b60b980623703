package cnnkit.hidden.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Numerical gradients by central differences, for checking a backward pass against a forward pass (the student's
 * own or the {@link Oracle}'s): with {@code L(x) = Σ g ⊙ forward(x)}, cell i of the gradient is
 * {@code (L(x + h·eᵢ) − L(x − h·eᵢ)) / 2h}.
 *
 * <p>For a forward pass that is linear in x near the point (convolution, full connection, flattening; ReLU and max
 * pooling away from their kinks) the difference is exact whatever h, so the hidden properties pick inputs where
 * it is: whole numbers, ReLU inputs away from 0 by more than h, pooling windows without ties. Softmax is smooth but
 * not linear: its checks compare with {@link #relativeError}.
 */
public final class Numeric {
    private Numeric() {}

    /**
     * @param forward the forward pass as a function of x only (the other arguments fixed)
     * @param x       the point: a vector, matrix, stack or filter bank (left unchanged)
     * @param g       ∂L/∂(forward output), the shape of {@code forward(x)}
     * @param h       the step
     * @return ∂L/∂x by central differences, the shape of x
     */
    public static <T> T gradient(Function<T, Object> forward, T x, Object g, double h) {
        @SuppressWarnings("unchecked")
        T point = (T) Cells.copy(x);
        @SuppressWarnings("unchecked")
        T out = (T) Cells.copy(x);
        List<double[]> cells = rows(point, new ArrayList<>());
        List<double[]> grads = rows(out, new ArrayList<>());
        for (int row = 0; row < cells.size(); row++) {
            double[] v = cells.get(row);
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + h;
                double up = dot(g, forward.apply(point));
                v[i] = keep - h;
                double down = dot(g, forward.apply(point));
                v[i] = keep;
                grads.get(row)[i] = (up - down) / (2 * h);
            }
        }
        return out;
    }

    /** @return CS231n's relative error {@code max |a − n| / max(1e-8, |a| + |n|)} over all cells */
    public static double relativeError(double[] analytic, double[] numeric) {
        double worst = 0;
        for (int i = 0; i < analytic.length; i++) {
            double a = analytic[i];
            double n = numeric[i];
            worst = Math.max(worst, Math.abs(a - n) / Math.max(1e-8, Math.abs(a) + Math.abs(n)));
        }
        return worst;
    }

    /**
     * @return whether every cell of a smooth function's gradient agrees with its central differences: within
     *     {@code 1e-7} absolutely or {@code 1e-6} relatively (CS231n's "should be below 1e-7" is for the relative
     *     error of cells that are not close to 0; cells near 0 are judged absolutely)
     */
    public static boolean agree(double[] analytic, double[] numeric) {
        if (analytic.length != numeric.length) {
            return false;
        }
        for (int i = 0; i < analytic.length; i++) {
            double diff = Math.abs(analytic[i] - numeric[i]);
            if (!(diff <= 1e-7 || diff <= 1e-6 * (Math.abs(analytic[i]) + Math.abs(numeric[i])))) {
                return false;
            }
        }
        return true;
    }

    /** @return {@code Σ a ⊙ b} over two values of the same shape */
    static double dot(Object a, Object b) {
        List<double[]> x = rows(a, new ArrayList<>());
        List<double[]> y = rows(b, new ArrayList<>());
        if (x.size() != y.size()) {
            throw new IllegalArgumentException("the forward pass returned " + y.size() + " rows, the gradient has "
                    + x.size() + ": not the shape of the forward output");
        }
        double sum = 0;
        for (int r = 0; r < x.size(); r++) {
            if (x.get(r).length != y.get(r).length) {
                throw new IllegalArgumentException("the forward pass returned a row of " + y.get(r).length
                        + " values where the gradient has " + x.get(r).length);
            }
            for (int i = 0; i < x.get(r).length; i++) {
                sum += x.get(r)[i] * y.get(r)[i];
            }
        }
        return sum;
    }

    /** The innermost rows of an array of any rank, in order (the arrays themselves, not copies). */
    private static List<double[]> rows(Object value, List<double[]> into) {
        if (value instanceof double[] v) {
            into.add(v);
        } else if (value instanceof Object[] a) {
            for (Object o : a) {
                rows(o, into);
            }
        } else {
            throw new IllegalArgumentException("not an array of doubles: " + value);
        }
        return into;
    }
}
