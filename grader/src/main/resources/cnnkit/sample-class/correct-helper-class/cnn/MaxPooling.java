package cnn;

public final class MaxPooling {
    private MaxPooling() {
    }

    public static double[][] pool(double[][] featureMap) {
        return pool(featureMap, 2, 2);
    }

    public static double[][] pool(double[][] featureMap, int size, int stride) {
        int width = Shapes.width(featureMap, "featureMap");
        Shapes.min(size, 1, "size");
        Shapes.min(stride, 1, "stride");
        Grid grid = new Grid(featureMap, 0);
        double[][] out = new double[count(featureMap.length, size, stride)][count(width, size, stride)];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                out[r][c] = grid.max(r * stride, c * stride, size);
            }
        }
        return out;
    }

    public static double[][][] pool(double[][][] featureMaps, int size, int stride) {
        Shapes.stack(featureMaps, "featureMaps");
        double[][][] out = new double[featureMaps.length][][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pool(featureMaps[i], size, stride);
        }
        return out;
    }

    /** Windows start on a cell; the last one is the first to reach the end. */
    private static int count(int n, int size, int stride) {
        int windows = 0;
        int start = 0;
        do {
            windows++;
            start += stride;
        } while (start < n && start - stride + size < n);
        return windows;
    }
}
