package cnn;

/**
 * Step 1(b) — ReLU, the rectified linear unit: every negative cell of a feature map becomes 0, positive cells
 * stay as they are: {@code max(0, x)}. The lecture's reason: it breaks up linearity (an image's brightness
 * changes smoothly; the network should learn sharp transitions), which is what lets stacked layers learn more
 * than one linear map could.
 *
 * <p>Check your work with the public tests in {@code exercises/src/test/java/cnn/ReluTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=ReluTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README).
 */
public final class Relu {
    private Relu() {}

    /**
     * @param featureMap a rectangular map, at least 1x1
     * @return a new map with {@code max(0, x)} in every cell (NaN stays NaN)
     * @throws IllegalArgumentException if the map is null, empty or ragged
     */
    public static double[][] apply(double[][] featureMap) {
        // TODO Step 1(b): build a NEW map of the same shape holding max(0, x) for every cell x; leave featureMap as it
        //      is.
        throw new UnsupportedOperationException(
                "Step 1(b) (Relu) is not implemented yet — see exercises/src/main/java/cnn/Relu.java");
    }

    /**
     * @param featureMaps a stack of rectangular maps of the same shape, {@code [map][row][col]}
     * @return a new stack with ReLU applied to every map
     * @throws IllegalArgumentException if the stack is null or empty, or a map is null, empty, ragged or of another shape
     */
    public static double[][][] apply(double[][][] featureMaps) {
        // TODO Step 1(b): rectify every map of the stack.
        throw new UnsupportedOperationException(
                "Step 1(b) (Relu) is not implemented yet — see exercises/src/main/java/cnn/Relu.java");
    }

    /**
     * Backward pass of {@link #apply(double[][])}: ReLU passes a cell on unchanged where its input is positive
     * (slope 1) and outputs a constant 0 elsewhere (slope 0), so the gradient passes where the input is
     * {@code > 0} and is 0 where it is {@code ≤ 0} — at exactly 0 too, as in PyTorch. What decides is the forward
     * pass's input, not the sign of the gradient.
     *
     * @param featureMap     the forward pass's input, a rectangular map
     * @param outputGradient ∂L/∂(ReLU's output), the same shape
     * @return ∂L/∂featureMap, a new map of the same shape
     * @throws IllegalArgumentException if a map is null, empty or ragged, or the two shapes differ
     */
    public static double[][] backward(double[][] featureMap, double[][] outputGradient) {
        // TODO Part 2, Step 1(b): copy the output gradient where the forward input is > 0, 0 elsewhere (0 included).
        throw new UnsupportedOperationException(
                "Step 1(b) (Relu) backward pass is not implemented yet — see exercises/src/main/java/cnn/Relu.java");
    }

    /**
     * Backward pass of {@link #apply(double[][][])}, map by map.
     *
     * @param featureMaps     the forward pass's input, {@code [map][row][col]}
     * @param outputGradients ∂L/∂(ReLU's output), the same shape
     * @return ∂L/∂featureMaps, a new stack of the same shape
     * @throws IllegalArgumentException if a stack is null or empty, a map is null, empty, ragged or of another shape,
     *                                  or the two stacks' shapes differ
     */
    public static double[][][] backward(double[][][] featureMaps, double[][][] outputGradients) {
        // TODO Part 2, Step 1(b): check the two stacks have the same shape, then backward(...) map by map.
        throw new UnsupportedOperationException(
                "Step 1(b) (Relu) backward pass is not implemented yet — see exercises/src/main/java/cnn/Relu.java");
    }
}
