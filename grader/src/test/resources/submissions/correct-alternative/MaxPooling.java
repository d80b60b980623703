package cnn;

public final class MaxPooling {
    private MaxPooling() {
    }

    public static double[][] pool(double[][] featureMap) {
        return pool(featureMap, 2, 2);
    }

    public static double[][] pool(double[][] featureMap, int size, int stride) {
        int[] shape = Shapes.of(featureMap, "featureMap");
        if (size < 1 || stride < 1) {
            Shapes.fail("size and stride must be positive: " + size + ", " + stride);
        }
        int rows = count(shape[0], size, stride);
        int cols = count(shape[1], size, stride);
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int y = r * stride; y < Math.min(r * stride + size, shape[0]); y++) {
                    for (int x = c * stride; x < Math.min(c * stride + size, shape[1]); x++) {
                        best = Math.max(best, featureMap[y][x]);
                    }
                }
                out[r][c] = best;
            }
        }
        return out;
    }

    /** Windows start at 0, stride, 2·stride, … while they start inside and the previous one did not reach the end. */
    private static int count(int n, int size, int stride) {
        int windows = 1;
        while ((windows - 1) * stride + size < n && windows * stride < n) {
            windows++;
        }
        return windows;
    }

    public static double[][][] pool(double[][][] featureMaps, int size, int stride) {
        Shapes.of(featureMaps, "featureMaps");
        double[][][] out = new double[featureMaps.length][][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pool(featureMaps[i], size, stride);
        }
        return out;
    }
}
