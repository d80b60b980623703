package cnn;

/** Step 2: keep the largest cell of each window; windows over the edge keep the cells they cover. */
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
        double[][] pooled = new double[windowCount(featureMap.length, size, stride)][windowCount(width, size, stride)];
        for (int r = 0; r < pooled.length; r++) {
            for (int c = 0; c < pooled[r].length; c++) {
                pooled[r][c] = largest(featureMap, r * stride, c * stride, size);
            }
        }
        return pooled;
    }

    public static double[][][] pool(double[][][] featureMaps, int size, int stride) {
        Shapes.stack(featureMaps, "featureMaps");
        double[][][] pooled = new double[featureMaps.length][][];
        for (int m = 0; m < pooled.length; m++) {
            pooled[m] = pool(featureMaps[m], size, stride);
        }
        return pooled;
    }

    /** Windows start at 0, stride, 2*stride, ... on a cell, until one reaches the end of the axis. */
    private static int windowCount(int length, int size, int stride) {
        int count = 1;
        for (int start = 0; start + size < length && start + stride < length; start += stride) {
            count++;
        }
        return count;
    }

    /** The largest covered cell, starting from the window's first cell (maps may be all negative). */
    private static double largest(double[][] map, int top, int left, int size) {
        double best = map[top][left];
        for (int r = top; r < top + size && r < map.length; r++) {
            for (int c = left; c < left + size && c < map[r].length; c++) {
                best = Math.max(best, map[r][c]);
            }
        }
        return best;
    }
}
