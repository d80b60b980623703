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
    private Flattening() {}

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

    /**
     * The inverse of {@link #flatten(double[][][])}, which is also its backward pass: flattening only moves
     * cells, so the gradient of the flat vector goes back to the cells it came from, map after map, row by row.
     *
     * @param vector the flat vector (e.g. ∂L/∂(flattened vector)), exactly {@code maps · rows · cols} values
     * @param maps   number of maps, at least 1
     * @param rows   rows per map, at least 1
     * @param cols   columns per map, at least 1
     * @return {@code [map][row][col]} with {@code result[m][r][c] = vector[(m · rows + r) · cols + c]}
     * @throws IllegalArgumentException if the vector is null or empty, a size is &lt; 1, or the vector's length is
     *                                  not {@code maps · rows · cols}
     */
    public static double[][][] unflatten(double[] vector, int maps, int rows, int cols) {
        Require.nonEmpty(vector, "vector");
        Require.atLeast(maps, 1, "maps");
        Require.atLeast(rows, 1, "rows");
        Require.atLeast(cols, 1, "cols");
        if ((long) maps * rows * cols != vector.length) {
            throw new IllegalArgumentException("vector has " + vector.length + " values but " + maps + " maps of "
                    + rows + "x" + cols + " need " + (long) maps * rows * cols);
        }
        double[][][] out = new double[maps][rows][cols];
        for (int m = 0; m < maps; m++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(vector, (m * rows + r) * cols, out[m][r], 0, cols);
            }
        }
        return out;
    }

    /**
     * The inverse of {@link #flatten(double[][])}: one map, row by row.
     *
     * @param vector the flat vector, exactly {@code rows · cols} values
     * @param rows   at least 1
     * @param cols   at least 1
     * @return {@code [row][col]} with {@code result[r][c] = vector[r · cols + c]}
     * @throws IllegalArgumentException if the vector is null or empty, a size is &lt; 1, or the vector's length is
     *                                  not {@code rows · cols}
     */
    public static double[][] unflatten(double[] vector, int rows, int cols) {
        return unflatten(vector, 1, rows, cols)[0];
    }

    /** Flattens the lecture's pooled map. */
    public static void main(String[] args) {
        System.out.println(Arrays.toString(flatten(new double[][] {{1, 1, 0}, {4, 2, 1}, {0, 2, 1}})));
    }
}
