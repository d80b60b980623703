package cnn;

public final class Convolution {
    private Convolution() {
    }

    public static double[][] convolve(double[][] image, double[][] featureDetector) {
        return convolve(image, featureDetector, 1, 0);
    }

    public static double[][] convolve(double[][] image, double[][] featureDetector, int stride, int padding) {
        return convolve(new double[][][] {image}, new double[][][][] {{featureDetector}}, new double[] {0},
            stride, padding)[0];
    }

    public static double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias,
                                        int stride, int padding) {
        int[] in = Shapes.of(input, "input");
        if (filters == null || filters.length == 0) {
            Shapes.fail("need at least one filter");
        }
        Shapes.vector(bias, "bias");
        if (bias.length != filters.length) {
            Shapes.fail("one bias per filter: " + bias.length + " vs " + filters.length);
        }
        int[] k = null;
        for (double[][][] filter : filters) {
            int[] shape = Shapes.of(filter, "filter");
            if (filter.length != input.length) {
                Shapes.fail("filter channels " + filter.length + " != input channels " + input.length);
            }
            if (k != null && (k[0] != shape[0] || k[1] != shape[1])) {
                Shapes.fail("filters differ in shape");
            }
            k = shape;
        }
        if (stride < 1 || padding < 0) {
            Shapes.fail("stride " + stride + " / padding " + padding);
        }
        long rows = (in[0] + 2L * padding - k[0]) / stride + 1;
        long cols = (in[1] + 2L * padding - k[1]) / stride + 1;
        if (rows > 1L << 26 || cols > 1L << 26 || rows * cols > 1L << 26) {
            Shapes.fail("a " + rows + "x" + cols + " feature map is too large");
        }
        int outRows = (int) rows;
        int outCols = (int) cols;
        if (k[0] > in[0] + 2 * padding || k[1] > in[1] + 2 * padding) {
            Shapes.fail("kernel larger than padded input");
        }
        double[][][] out = new double[filters.length][outRows][outCols];
        for (int f = 0; f < filters.length; f++) {
            for (int r = 0; r < outRows; r++) {
                for (int c = 0; c < outCols; c++) {
                    double s = bias[f];
                    for (int ch = 0; ch < input.length; ch++) {
                        s += at(input[ch], filters[f][ch], r * stride - padding, c * stride - padding);
                    }
                    out[f][r][c] = s;
                }
            }
        }
        return out;
    }

    private static double at(double[][] img, double[][] k, int top, int left) {
        double s = 0;
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k[0].length; j++) {
                int y = top + i;
                int x = left + j;
                boolean inside = y >= 0 && x >= 0 && y < img.length && x < img[0].length;
                s += inside ? img[y][x] * k[i][j] : 0;
            }
        }
        return s;
    }
}
