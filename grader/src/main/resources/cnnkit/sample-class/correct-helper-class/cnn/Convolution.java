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
        return layer(new double[][][] {image}, new double[][][][] {{featureDetector}}, new double[] {0}, stride, padding)[0];
    }

    public static double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        Shapes.stack(input, "input");
        Shapes.vector(bias, "bias");
        if (filters == null || filters.length != bias.length) {
            throw new IllegalArgumentException("one bias per filter is needed");
        }
        for (double[][][] filter : filters) {
            Shapes.stack(filter, "filter");
            if (filter.length != input.length || filter[0].length != filters[0][0].length
                || filter[0][0].length != filters[0][0][0].length) {
                throw new IllegalArgumentException("each filter needs one kernel per channel, all of one shape");
            }
        }
        return layer(input, filters, bias, stride, padding);
    }

    private static double[][][] layer(double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        Shapes.min(stride, 1, "stride");
        Shapes.min(padding, 0, "padding");
        Grid[] channels = new Grid[input.length];
        for (int ch = 0; ch < input.length; ch++) {
            channels[ch] = new Grid(input[ch], padding);
        }
        int outRows = positions(channels[0].rows(), filters[0][0].length, stride);
        int outCols = positions(channels[0].cols(), filters[0][0][0].length, stride);
        if ((long) outRows * outCols > 1L << 26) {
            throw new IllegalArgumentException("the feature map would be too large");
        }
        double[][][] out = new double[filters.length][outRows][outCols];
        for (int f = 0; f < filters.length; f++) {
            for (int r = 0; r < outRows; r++) {
                for (int c = 0; c < outCols; c++) {
                    double v = bias[f];
                    for (int ch = 0; ch < channels.length; ch++) {
                        v += channels[ch].dot(filters[f][ch], r * stride, c * stride);
                    }
                    out[f][r][c] = v;
                }
            }
        }
        return out;
    }

    /** How many positions a kernel of size k has on an axis of n cells. */
    private static int positions(int n, int k, int stride) {
        if (k > n) {
            throw new IllegalArgumentException("the kernel (" + k + ") is larger than the padded input (" + n + ")");
        }
        return (n - k) / stride + 1;
    }
}
