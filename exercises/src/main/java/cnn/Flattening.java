package cnn;

/**
 * Step 3 — Flattening. The pooled feature map is laid out as one long column, row after row, so that it can be
 * the input layer of an ordinary (fully connected) neural network. With several maps, they are put one after
 * the other, each row by row.
 *
 * <p>Lecture example: {@code [[1,1,0],[4,2,1],[0,2,1]]} flattens to {@code [1,1,0,4,2,1,0,2,1]}.
 *
 * <p>Check your work with the public tests in {@code exercises/src/test/java/cnn/FlatteningTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=FlatteningTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README).
 */
public final class Flattening {
    private Flattening() {}

    /**
     * @param pooledFeatureMap a rectangular map, at least 1x1
     * @return its cells row by row
     * @throws IllegalArgumentException if the map is null, empty or ragged
     */
    public static double[] flatten(double[][] pooledFeatureMap) {
        // TODO Step 3: copy the h·w cells into one array: all of row 0, then all of row 1, and so on.
        throw new UnsupportedOperationException(
                "Step 3 (Flattening) is not implemented yet — see exercises/src/main/java/cnn/Flattening.java");
    }

    /**
     * @param pooledFeatureMaps a stack of maps of the same shape, {@code [map][row][col]}
     * @return map after map, each row by row
     * @throws IllegalArgumentException if the stack is null or empty, or a map is null, empty, ragged or of another shape
     */
    public static double[] flatten(double[][][] pooledFeatureMaps) {
        // TODO Step 3: map 0 flattened, then map 1 flattened, and so on, in one array.
        throw new UnsupportedOperationException(
                "Step 3 (Flattening) is not implemented yet — see exercises/src/main/java/cnn/Flattening.java");
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
        // TODO Part 2, Step 3: the inverse of flatten: check the length is maps * rows * cols, then fill map after map,
        //      row by row.
        throw new UnsupportedOperationException(
                "Step 3 (Flattening) unflatten is not implemented yet — see exercises/src/main/java/cnn/Flattening.java");
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
        // TODO Part 2, Step 3: one map: the 4-argument unflatten with maps = 1, or fill row by row directly.
        throw new UnsupportedOperationException(
                "Step 3 (Flattening) unflatten is not implemented yet — see exercises/src/main/java/cnn/Flattening.java");
    }
}
