// Mutant "pooling-drops-partial-windows": the reference solution with one mistake, kept as test data (see MutantsTest and
// grader/src/main/resources/cnnkit/misconceptions.csv). Never a solution.
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
    private MaxPooling() {
    }

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
     * Number of windows on an axis of n cells: {@code ceil((n − size) / stride) + 1}, but only windows that start on a
     * cell ({@code start < n}, which matters when stride &gt; size); one window if the axis is shorter than it.
     */
    private static int windows(int n, int size, int stride) {
        return n < size ? 0 : (n - size) / stride + 1;
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

    /** Pools the lecture's 5x5 feature map. */
    public static void main(String[] args) {
        double[][] map = {{0, 1, 0, 0, 0}, {0, 1, 1, 1, 0}, {1, 0, 0, 2, 1}, {1, 4, 2, 1, 0}, {0, 0, 1, 2, 1}};
        for (double[] row : pool(map)) {
            System.out.println(Arrays.toString(row));
        }
    }
}
