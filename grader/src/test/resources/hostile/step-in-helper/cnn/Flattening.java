package cnn;

import java.util.Arrays;

/**
 * Step 3 — Flattening. The pooled feature map is laid out as one long column, row after row, so that it can be
 * the input layer of an ordinary (fully connected) neural network. With several maps, they are put one after
 * the other, each row by row.
 *
 * <p>Lecture example: {@code [[1,1,0],[4,2,1],[0,2,1]]} flattens to {@code [1,1,0,4,2,1,0,2,1]}.
 */
public final class Flattening {
    private Flattening() {
    }

    /**
     * @param pooledFeatureMap a rectangular map, at least 1x1
     * @return its cells row by row
     * @throws IllegalArgumentException if the map is null, empty or ragged
     */
    public static double[] flatten(double[][] pooledFeatureMap) {
        int w = Require.rectangular(pooledFeatureMap, "pooledFeatureMap");
        double[] out = new double[pooledFeatureMap.length * w];
        for (int r = 0; r < pooledFeatureMap.length; r++) {
            System.arraycopy(pooledFeatureMap[r], 0, out, r * w, w);
        }
        return out;
    }

    /**
     * @param pooledFeatureMaps a stack of maps of the same shape, {@code [map][row][col]}
     * @return map after map, each row by row
     * @throws IllegalArgumentException if the stack is null or empty, or a map is null, empty, ragged or of another shape
     */
    public static double[] flatten(double[][][] pooledFeatureMaps) {
        Require.sameShapeStack(pooledFeatureMaps, "pooledFeatureMaps");
        int cells = pooledFeatureMaps[0].length * pooledFeatureMaps[0][0].length;
        double[] out = new double[pooledFeatureMaps.length * cells];
        for (int m = 0; m < pooledFeatureMaps.length; m++) {
            System.arraycopy(flatten(pooledFeatureMaps[m]), 0, out, m * cells, cells);
        }
        return out;
    }

    /** Flattens the lecture's pooled map. */
    public static void main(String[] args) {
        System.out.println(Arrays.toString(flatten(new double[][] {{1, 1, 0}, {4, 2, 1}, {0, 2, 1}})));
    }
}
