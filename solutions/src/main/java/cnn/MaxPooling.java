package cnn;

import java.util.Arrays;

/**
 * Step 2 — Max pooling. A window slides over the feature map and keeps only the largest value it covers: the map
 * gets smaller (fewer parameters, less overfitting) while the strongest responses survive, so a feature found a
 * little to the left or right still counts ("spatial invariance" in the lecture).
 *
 * <p>Lecture example: the 5x5 feature map pools (2x2, stride 2) to {@code [[1,1,0],[4,2,1],[0,2,1]]}: windows
 * that hang over the right or bottom edge are kept and take the max of the cells they do cover.
 */
public final class MaxPooling {
    private MaxPooling() {}

    /**
     * The lecture's pooling: 2x2 window, stride 2.
     *
     * @param featureMap a rectangular map, at least 1x1
     * @return the pooled map, {@code ceil(n / 2)} per axis for the lecture's 2x2 / 2
     * @throws IllegalArgumentException if the map is null, empty or ragged
     */
    public static double[][] pool(double[][] featureMap) {
        return pool(featureMap, 2, 2);
    }

    /**
     * Max pooling with a square window. Output per axis: {@code ceil((n − size) / stride) + 1}, but no window starts
     * past the last cell; an axis shorter than the window gives one window over all its cells.
     *
     * @param featureMap a rectangular map, at least 1x1
     * @param size       window side, at least 1
     * @param stride     step between windows, at least 1
     * @return the pooled map
     * @throws IllegalArgumentException if the map is null, empty or ragged, or size/stride &lt; 1
     */
    public static double[][] pool(double[][] featureMap, int size, int stride) {
        int w = Require.rectangular(featureMap, "featureMap");
        Require.atLeast(size, 1, "size");
        Require.atLeast(stride, 1, "stride");
        int outH = windows(featureMap.length, size, stride);
        int outW = windows(w, size, stride);
        double[][] out = new double[outH][outW];
        for (int r = 0; r < outH; r++) {
            for (int c = 0; c < outW; c++) {
                out[r][c] = windowMax(featureMap, r * stride, c * stride, size);
            }
        }
        return out;
    }

    /**
     * @param featureMaps a stack of maps of the same shape, {@code [map][row][col]}
     * @param size        window side, at least 1
     * @param stride      step between windows, at least 1
     * @return every map pooled
     * @throws IllegalArgumentException if the stack is null or empty, a map is null, empty, ragged or of another
     *                                  shape, or size/stride &lt; 1
     */
    public static double[][][] pool(double[][][] featureMaps, int size, int stride) {
        Require.sameShapeStack(featureMaps, "featureMaps");
        double[][][] out = new double[featureMaps.length][][];
        for (int m = 0; m < out.length; m++) {
            out[m] = pool(featureMaps[m], size, stride);
        }
        return out;
    }

    /**
     * Backward pass of {@link #pool(double[][], int, int)}. Each pooled cell copied one cell of its window, so its
     * gradient goes to that cell only — the window's largest; on ties, the first of them in row-major order
     * within the window (as PyTorch does); every other cell of the window gets nothing from it. Windows are exactly
     * those of the forward pass (partial ones at the edges kept); where windows overlap, a cell collects the
     * gradient of every window it won.
     *
     * @param featureMap     the forward pass's input, a rectangular map
     * @param outputGradient ∂L/∂(pooled map), the shape of the forward output
     * @param size           window side, at least 1
     * @param stride         step between windows, at least 1
     * @return ∂L/∂featureMap, a new map of the same shape as {@code featureMap}
     * @throws IllegalArgumentException if a map is null, empty or ragged, size/stride &lt; 1, or the gradient is not
     *                                  the shape of the pooled map
     */
    public static double[][] backward(double[][] featureMap, double[][] outputGradient, int size, int stride) {
        int w = Require.rectangular(featureMap, "featureMap");
        Require.atLeast(size, 1, "size");
        Require.atLeast(stride, 1, "stride");
        Require.rectangular(outputGradient, "outputGradient");
        int outH = windows(featureMap.length, size, stride);
        int outW = windows(w, size, stride);
        if (outputGradient.length != outH || outputGradient[0].length != outW) {
            throw new IllegalArgumentException("outputGradient is " + Require.shape(outputGradient) + " but pooling a "
                    + featureMap.length + "x" + w + " map with window " + size + " and stride " + stride + " gives "
                    + outH + "x" + outW);
        }
        double[][] out = new double[featureMap.length][w];
        for (int r = 0; r < outH; r++) {
            for (int c = 0; c < outW; c++) {
                int[] cell = windowArgmax(featureMap, r * stride, c * stride, size);
                out[cell[0]][cell[1]] += outputGradient[r][c];
            }
        }
        return out;
    }

    /**
     * Backward pass of {@link #pool(double[][][], int, int)}, map by map.
     *
     * @param featureMaps     the forward pass's input, {@code [map][row][col]}
     * @param outputGradients ∂L/∂(pooled maps), one per map, each the shape of a pooled map
     * @param size            window side, at least 1
     * @param stride          step between windows, at least 1
     * @return ∂L/∂featureMaps, a new stack of the same shape as {@code featureMaps}
     * @throws IllegalArgumentException as {@link #backward(double[][], double[][], int, int)}, or if the stacks are
     *                                  null or empty, their maps of different shapes, or their counts differ
     */
    public static double[][][] backward(double[][][] featureMaps, double[][][] outputGradients, int size, int stride) {
        Require.sameShapeStack(featureMaps, "featureMaps");
        Require.sameShapeStack(outputGradients, "outputGradients");
        if (outputGradients.length != featureMaps.length) {
            throw new IllegalArgumentException("outputGradients has " + outputGradients.length
                    + " maps but featureMaps has " + featureMaps.length + ": one gradient per map");
        }
        double[][][] out = new double[featureMaps.length][][];
        for (int m = 0; m < out.length; m++) {
            out[m] = backward(featureMaps[m], outputGradients[m], size, stride);
        }
        return out;
    }

    /**
     * Number of windows on an axis of n cells: {@code ceil((n − size) / stride) + 1}, but only windows that start on a
     * cell ({@code start < n}, which matters when stride &gt; size); one window if the axis is shorter than it.
     */
    private static int windows(int n, int size, int stride) {
        if (n <= size) {
            return 1;
        }
        long bySize = (n - size + (long) stride - 1) / stride + 1;
        long byStart = (n + (long) stride - 1) / stride;
        return (int) Math.min(bySize, byStart);
    }

    /** Max of the cells the window at (top, left) covers; starts from the first cell, not from 0. */
    private static double windowMax(double[][] m, int top, int left, int size) {
        double max = m[top][left];
        for (int r = top; r < Math.min(top + size, m.length); r++) {
            for (int c = left; c < Math.min(left + size, m[0].length); c++) {
                if (m[r][c] > max || Double.isNaN(m[r][c])) {
                    max = m[r][c];
                }
            }
        }
        return max;
    }

    /**
     * The cell {@link #windowMax} keeps, as {row, col}: the first largest in row-major order (strictly larger
     * replaces), or the first NaN, which the forward pass also returns.
     */
    private static int[] windowArgmax(double[][] m, int top, int left, int size) {
        int[] best = {top, left};
        for (int r = top; r < Math.min(top + size, m.length); r++) {
            for (int c = left; c < Math.min(left + size, m[0].length); c++) {
                if (Double.isNaN(m[r][c])) {
                    return new int[] {r, c};
                }
                if (m[r][c] > m[best[0]][best[1]]) {
                    best = new int[] {r, c};
                }
            }
        }
        return best;
    }

    /** Pools the lecture's 5x5 feature map. */
    public static void main(String[] args) {
        double[][] map = {{0, 1, 0, 0, 0}, {0, 1, 1, 1, 0}, {1, 0, 0, 2, 1}, {1, 4, 2, 1, 0}, {0, 0, 1, 2, 1}};
        for (double[] row : pool(map)) {
            System.out.println(Arrays.toString(row));
        }
    }
}
