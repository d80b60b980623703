package cnn;

import java.util.Arrays;

/**
 * Step 1(b) — ReLU, the rectified linear unit: every negative cell of a feature map becomes 0, positive cells
 * stay as they are: {@code max(0, x)}. The lecture's reason: it breaks up linearity (an image's brightness
 * changes smoothly; the network should learn sharp transitions), which is what lets stacked layers learn more
 * than one linear map could.
 */
public final class Relu {
    private Relu() {
    }

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

    /** Shows ReLU on a small map with negative cells. */
    public static void main(String[] args) {
        for (double[] row : apply(new double[][] {{-1, 2, -3}, {0.5, -0.5, 0}})) {
            System.out.println(Arrays.toString(row));
        }
    }
}
