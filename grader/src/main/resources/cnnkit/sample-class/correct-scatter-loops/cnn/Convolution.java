package cnn;

public final class Convolution {
    private Convolution() {
    }

    public static double[][] convolve(double[][] image, double[][] featureDetector) {
        return convolve(image, featureDetector, 1, 0);
    }

    public static double[][] convolve(double[][] image, double[][] featureDetector, int stride, int padding) {
        Shapes.width(image, "image");
        Shapes.width(featureDetector, "featureDetector");
        double[][] out = emptyMap(image, featureDetector, stride, padding);
        scatter(image, featureDetector, stride, padding, out);
        return out;
    }

    public static double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        Shapes.stack(input, "input");
        Shapes.vector(bias, "bias");
        if (filters == null || filters.length != bias.length) {
            throw new IllegalArgumentException("filters and bias must have the same length");
        }
        double[][][] out = new double[filters.length][][];
        for (int f = 0; f < filters.length; f++) {
            Shapes.stack(filters[f], "filters[" + f + "]");
            if (filters[f].length != input.length || filters[f][0].length != filters[0][0].length
                || filters[f][0][0].length != filters[0][0][0].length) {
                throw new IllegalArgumentException("filters[" + f + "] does not match the input's channels or filters[0]");
            }
            out[f] = emptyMap(input[0], filters[f][0], stride, padding);
            for (int ch = 0; ch < input.length; ch++) {
                scatter(input[ch], filters[f][ch], stride, padding, out[f]);
            }
            for (double[] row : out[f]) {
                for (int c = 0; c < row.length; c++) {
                    row[c] += bias[f];
                }
            }
        }
        return out;
    }

    private static double[][] emptyMap(double[][] image, double[][] kernel, int stride, int padding) {
        if (stride < 1 || padding < 0) {
            throw new IllegalArgumentException("stride must be >= 1 and padding >= 0");
        }
        long h = image.length + 2L * padding - kernel.length;
        long w = image[0].length + 2L * padding - kernel[0].length;
        if (h < 0 || w < 0) {
            throw new IllegalArgumentException("the feature detector is larger than the padded image");
        }
        if ((h / stride + 1) * (w / stride + 1) > 1L << 26) {
            throw new IllegalArgumentException("the feature map would be too large");
        }
        return new double[(int) (h / stride + 1)][(int) (w / stride + 1)];
    }

    /** Kernel cell by kernel cell: each weight is multiplied with the image cells it meets at every position. */
    private static void scatter(double[][] image, double[][] kernel, int stride, int padding, double[][] out) {
        for (int ki = 0; ki < kernel.length; ki++) {
            for (int kj = 0; kj < kernel[0].length; kj++) {
                for (int y = 0; y < out.length; y++) {
                    int row = y * stride + ki - padding;
                    if (row < 0 || row >= image.length) {
                        continue;
                    }
                    for (int x = 0; x < out[0].length; x++) {
                        int col = x * stride + kj - padding;
                        if (col >= 0 && col < image[0].length) {
                            out[y][x] += kernel[ki][kj] * image[row][col];
                        }
                    }
                }
            }
        }
    }
}
