package cnn;

/** Counts rows and columns from 1, as on the lecture's slides. */
public final class MaxPooling {
    private MaxPooling() {
    }

    public static double[][] pool(double[][] featureMap) {
        return pool(featureMap, 2, 2);
    }

    public static double[][] pool(double[][] featureMap, int size, int stride) {
        int width = Shapes.width(featureMap, "featureMap");
        if (size < 1 || stride < 1) {
            throw new IllegalArgumentException("size and stride must be at least 1");
        }
        int outRows = windows(featureMap.length, size, stride);
        int outCols = windows(width, size, stride);
        double[][] out = new double[outRows][outCols];
        for (int i = 1; i <= outRows; i++) {
            for (int j = 1; j <= outCols; j++) {
                int firstRow = (i - 1) * stride + 1;
                int firstCol = (j - 1) * stride + 1;
                double max = featureMap[firstRow - 1][firstCol - 1];
                for (int r = firstRow; r <= Math.min(firstRow + size - 1, featureMap.length); r++) {
                    for (int c = firstCol; c <= Math.min(firstCol + size - 1, width); c++) {
                        double v = featureMap[r - 1][c - 1];
                        if (v > max || Double.isNaN(v)) {
                            max = v;
                        }
                    }
                }
                out[i - 1][j - 1] = max;
            }
        }
        return out;
    }

    public static double[][][] pool(double[][][] featureMaps, int size, int stride) {
        Shapes.stack(featureMaps, "featureMaps");
        double[][][] out = new double[featureMaps.length][][];
        for (int m = 1; m <= featureMaps.length; m++) {
            out[m - 1] = pool(featureMaps[m - 1], size, stride);
        }
        return out;
    }

    /** ceil((n - size) / stride) + 1 windows, but none may start past the last cell. */
    private static int windows(int n, int size, int stride) {
        if (n <= size) {
            return 1;
        }
        return Math.min((n - size + stride - 1) / stride + 1, (n + stride - 1) / stride);
    }
}
