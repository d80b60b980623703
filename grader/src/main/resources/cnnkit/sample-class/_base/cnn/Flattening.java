package cnn;

/** Step 3: lay the pooled map(s) out as one vector, row after row, map after map. */
public final class Flattening {
    private Flattening() {
    }

    public static double[] flatten(double[][] pooledFeatureMap) {
        return flatten(new double[][][] {pooledFeatureMap});
    }

    public static double[] flatten(double[][][] pooledFeatureMaps) {
        Shapes.stack(pooledFeatureMaps, "pooledFeatureMaps");
        int rows = pooledFeatureMaps[0].length;
        int cols = pooledFeatureMaps[0][0].length;
        double[] vector = new double[pooledFeatureMaps.length * rows * cols];
        int next = 0;
        for (double[][] map : pooledFeatureMaps) {
            for (int cell = 0; cell < rows * cols; cell++) {
                vector[next++] = map[cell / cols][cell % cols]; // row-major: cell = row * cols + col
            }
        }
        return vector;
    }
}
