package cnn;

/** Step 1: slide the feature detector over the image and sum the products at each position. */
public final class Convolution {
    private static final long MAX_OUTPUT = 1L << 26;

    private Convolution() {
    }

    public static double[][] convolve(double[][] image, double[][] featureDetector) {
        return convolve(image, featureDetector, 1, 0);
    }

    public static double[][] convolve(double[][] image, double[][] featureDetector, int stride, int padding) {
        Shapes.width(image, "image");
        Shapes.width(featureDetector, "featureDetector");
        double[][] map = blank(image, featureDetector, stride, padding);
        addResponse(image, featureDetector, stride, padding, map);
        return map;
    }

    public static double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        Shapes.stack(input, "input");
        Shapes.vector(bias, "bias");
        if (filters == null || filters.length != bias.length) {
            throw new IllegalArgumentException("need exactly one bias per filter");
        }
        double[][][] maps = new double[filters.length][][];
        for (int f = 0; f < filters.length; f++) {
            Shapes.stack(filters[f], "filters[" + f + "]");
            if (filters[f].length != input.length || !sameShape(filters[f][0], filters[0][0])) {
                throw new IllegalArgumentException("filters[" + f + "] must have one kernel per channel, shaped like filters[0]");
            }
            maps[f] = blank(input[0], filters[f][0], stride, padding);
            for (double[] row : maps[f]) {
                java.util.Arrays.fill(row, bias[f]);
            }
            for (int ch = 0; ch < input.length; ch++) {
                addResponse(input[ch], filters[f][ch], stride, padding, maps[f]);
            }
        }
        return maps;
    }

    /** A zero map of the output's size: floor((n + 2p - k) / s) + 1 on each axis. */
    private static double[][] blank(double[][] image, double[][] kernel, int stride, int padding) {
        Shapes.min(stride, 1, "stride");
        Shapes.min(padding, 0, "padding");
        long rows = outputLength(image.length, kernel.length, stride, padding);
        long cols = outputLength(image[0].length, kernel[0].length, stride, padding);
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("featureDetector does not fit inside the padded image");
        }
        if (rows * cols > MAX_OUTPUT) {
            throw new IllegalArgumentException("output of " + rows + "x" + cols + " cells is too large");
        }
        return new double[(int) rows][(int) cols];
    }

    private static long outputLength(int n, int k, int stride, int padding) {
        long room = n + 2L * padding - k;
        return room < 0 ? 0 : room / stride + 1;
    }

    /** Adds, at each output cell, the kernel laid (unflipped) on the padded image at that position. */
    private static void addResponse(double[][] image, double[][] kernel, int stride, int padding, double[][] map) {
        for (int outR = 0; outR < map.length; outR++) {
            for (int outC = 0; outC < map[outR].length; outC++) {
                int top = outR * stride - padding;
                int left = outC * stride - padding;
                double sum = 0;
                for (int i = 0; i < kernel.length; i++) {
                    for (int j = 0; j < kernel[i].length; j++) {
                        sum += pixel(image, top + i, left + j) * kernel[i][j];
                    }
                }
                map[outR][outC] += sum;
            }
        }
    }

    /** The image's cell, or 0 in the zero padding around it. */
    private static double pixel(double[][] image, int r, int c) {
        boolean inside = r >= 0 && r < image.length && c >= 0 && c < image[r].length;
        return inside ? image[r][c] : 0.0;
    }

    private static boolean sameShape(double[][] a, double[][] b) {
        return a.length == b.length && a[0].length == b[0].length;
    }
}
