package cnn;

/**
 * Step 2 — Max pooling. A window slides over the feature map and keeps only the largest value it covers: the map
 * gets smaller (fewer parameters, less overfitting) while the strongest responses survive, so a feature found a
 * little to the left or right still counts ("spatial invariance" in the lecture).
 *
 * <p>Lecture example: the 5x5 feature map pools (2x2, stride 2) to {@code [[1,1,0],[4,2,1],[0,2,1]]}: windows
 * that hang over the right or bottom edge are kept and take the max of the cells they do cover.
 *
 * <p>Check your work with the public tests in {@code exercises/src/test/java/cnn/MaxPoolingTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=MaxPoolingTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README).
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
        // TODO Step 2: the lecture's pooling is pool(featureMap, 2, 2).
        throw new UnsupportedOperationException(
                "Step 2 (MaxPooling) is not implemented yet — see exercises/src/main/java/cnn/MaxPooling.java");
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
        // TODO Step 2: windows start at rows/cols 0, stride, 2·stride, ... (how many: see the formula above). A window
        //      that hangs over the edge takes the max of the cells it does cover. Start each max from a cell of the
        //      window, not from 0: cells can be negative.
        throw new UnsupportedOperationException(
                "Step 2 (MaxPooling) is not implemented yet — see exercises/src/main/java/cnn/MaxPooling.java");
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
        // TODO Step 2: pool every map of the stack with the same size and stride.
        throw new UnsupportedOperationException(
                "Step 2 (MaxPooling) is not implemented yet — see exercises/src/main/java/cnn/MaxPooling.java");
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
        // TODO Part 2, Step 2: the same windows as pool(...); in each, find the largest cell (the first of equal ones,
        //      row by row) and add the window's gradient there. Overlapping windows add up; nothing else gets gradient.
        throw new UnsupportedOperationException(
                "Step 2 (MaxPooling) backward pass is not implemented yet — see exercises/src/main/java/cnn/MaxPooling.java");
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
        // TODO Part 2, Step 2: check the stacks (same number of maps), then backward(...) map by map.
        throw new UnsupportedOperationException(
                "Step 2 (MaxPooling) backward pass is not implemented yet — see exercises/src/main/java/cnn/MaxPooling.java");
    }
}
