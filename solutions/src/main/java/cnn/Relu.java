package cnn;

import java.util.Arrays;

/**
 * Step 1(b) — ReLU, the rectified linear unit: every negative cell of a feature map becomes 0, positive cells
 * stay as they are: {@code max(0, x)}. The lecture's reason: it breaks up linearity (an image's brightness
 * changes smoothly; the network should learn sharp transitions), which is what lets stacked layers learn more
 * than one linear map could.
 */
public final class Relu {
    private Relu() {}

    /**
     * @param featureMap a rectangular map, at least 1x1
     * @return a new map with {@code max(0, x)} in every cell (NaN stays NaN)
     * @throws IllegalArgumentException if the map is null, empty or ragged
     */
    public static double[][] apply(double[][] featureMap) {
        Require.rectangular(featureMap, "featureMap");
        double[][] out = new double[featureMap.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = new double[featureMap[r].length];
            for (int c = 0; c < out[r].length; c++) {
                double x = featureMap[r][c];
                out[r][c] = x < 0 ? 0.0 : x + 0.0; // + 0.0 turns -0.0 into 0.0
            }
        }
        return out;
    }

    /**
     * @param featureMaps a stack of rectangular maps of the same shape, {@code [map][row][col]}
     * @return a new stack with ReLU applied to every map
     * @throws IllegalArgumentException if the stack is null or empty, or a map is null, empty, ragged or of another shape
     */
    public static double[][][] apply(double[][][] featureMaps) {
        Require.sameShapeStack(featureMaps, "featureMaps");
        double[][][] out = new double[featureMaps.length][][];
        for (int m = 0; m < out.length; m++) {
            out[m] = apply(featureMaps[m]);
        }
        return out;
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
        Require.sameShape(featureMap, "featureMap", outputGradient, "outputGradient");
        double[][] out = new double[featureMap.length][featureMap[0].length];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = featureMap[r][c] > 0 ? outputGradient[r][c] : 0.0;
            }
        }
        return out;
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
        Require.sameShape(featureMaps, "featureMaps", outputGradients, "outputGradients");
        double[][][] out = new double[featureMaps.length][][];
        for (int m = 0; m < out.length; m++) {
            out[m] = backward(featureMaps[m], outputGradients[m]);
        }
        return out;
    }

    /** Shows ReLU on a small map with negative cells. */
    public static void main(String[] args) {
        for (double[] row : apply(new double[][] {{-1, 2, -3}, {0.5, -0.5, 0}})) {
            System.out.println(Arrays.toString(row));
        }
    }
}
