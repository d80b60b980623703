// Mutant "stride-ignored": the reference solution with one mistake, kept as test data (see MutantsTest and
// grader/src/main/resources/cnnkit/misconceptions.csv). Never a solution.
package cnn;

import java.util.Arrays;

/**
 * Step 1 — Convolution. A feature detector (also called kernel or filter) is laid on the image, multiplied cell
 * by cell with the part of the image it covers, and the products are summed: that sum is one cell of the
 * feature map. Sliding the detector over every position gives the whole map; high values mark where the
 * image looks like the detector.
 *
 * <p>As in the lecture and in CNN libraries, the detector is laid on the image as it is (not turned by 180°):
 * strictly this is cross-correlation; mathematics' convolution would flip the kernel first.
 *
 * <p>Lecture example: the 7x7 smiley with the 3x3 detector {@code [[0,0,1],[1,0,0],[0,1,1]]} gives a 5x5 map
 * whose strongest cell, 4, sits where the smile's left corner matches the detector.
 */
public final class Convolution {
    private Convolution() {
    }

    /**
     * Valid convolution with stride 1 and no padding: output (h−k+1) x (w−k+1).
     *
     * @param image           a rectangular image, at least as large as the detector
     * @param featureDetector a rectangular detector, at least 1x1
     * @return the feature map
     * @throws IllegalArgumentException if an argument is null, empty or ragged, or the detector is larger than the image
     */
    public static double[][] convolve(double[][] image, double[][] featureDetector) {
        return convolve(image, featureDetector, 1, 0);
    }

    /**
     * Convolution with a stride and zero padding on every side: output {@code floor((n + 2p − k) / s) + 1} per axis.
     *
     * @param image           a rectangular image
     * @param featureDetector a rectangular detector, no larger than the padded image
     * @param stride          step between two positions of the detector, at least 1
     * @param padding         rows/columns of zeros added on every side, at least 0
     * @return the feature map
     * @throws IllegalArgumentException on null, empty or ragged arrays, stride &lt; 1, padding &lt; 0, or a detector
     *                                  larger than the padded image
     */
    public static double[][] convolve(double[][] image, double[][] featureDetector, int stride, int padding) {
        int w = Require.rectangular(image, "image");
        int kw = Require.rectangular(featureDetector, "featureDetector");
        checkGeometry(image.length, w, featureDetector.length, kw, stride, padding);
        double[][] out = new double[outputSize(image.length, featureDetector.length, stride, padding)]
            [outputSize(w, kw, stride, padding)];
        accumulate(image, featureDetector, stride, padding, out);
        return out;
    }

    /**
     * A convolution layer: every filter spans all input channels; its per-channel results are summed and its
     * bias added, giving one feature map per filter.
     *
     * @param input   {@code input[channel][row][col]}, all channels the same shape
     * @param filters {@code filters[filter][channel][row][col]}, one kernel per input channel, all the same shape
     * @param bias    one bias per filter
     * @param stride  at least 1
     * @param padding at least 0
     * @return {@code output[filter][row][col]}
     * @throws IllegalArgumentException on null, empty or ragged arrays, channel or bias counts that do not match,
     *                                  stride &lt; 1, padding &lt; 0, or kernels larger than the padded input
     */
    public static double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias,
                                        int stride, int padding) {
        Require.sameShapeStack(input, "input");
        if (filters == null || filters.length == 0) {
            throw new IllegalArgumentException("filters is " + (filters == null ? "null" : "empty (0 filters)"));
        }
        Require.nonEmpty(bias, "bias");
        if (bias.length != filters.length) {
            throw new IllegalArgumentException("bias has " + bias.length + " values but there are "
                + filters.length + " filters: one bias per filter");
        }
        for (int f = 0; f < filters.length; f++) {
            Require.sameShapeStack(filters[f], "filters[" + f + "]");
            if (filters[f].length != input.length) {
                throw new IllegalArgumentException("filters[" + f + "] has " + filters[f].length
                    + " channels but input has " + input.length);
            }
            if (filters[f][0].length != filters[0][0].length || filters[f][0][0].length != filters[0][0][0].length) {
                throw new IllegalArgumentException("filters[" + f + "] is " + Require.shape(filters[f][0])
                    + " but filters[0] is " + Require.shape(filters[0][0]) + ": all filters must have the same shape");
            }
        }
        int h = input[0].length;
        int w = input[0][0].length;
        int kh = filters[0][0].length;
        int kw = filters[0][0][0].length;
        checkGeometry(h, w, kh, kw, stride, padding);
        double[][][] out = new double[filters.length][outputSize(h, kh, stride, padding)]
            [outputSize(w, kw, stride, padding)];
        for (int f = 0; f < filters.length; f++) {
            for (double[] row : out[f]) {
                Arrays.fill(row, bias[f]);
            }
            for (int c = 0; c < input.length; c++) {
                accumulate(input[c], filters[f][c], stride, padding, out[f]);
            }
        }
        return out;
    }

    /** Adds the detector's response at every output position to {@code out}; cells outside the image count as 0. */
    private static void accumulate(double[][] image, double[][] k, int stride, int padding, double[][] out) {
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                double sum = 0;
                for (int i = 0; i < k.length; i++) {
                    int y = r + i - padding;
                    if (y < 0 || y >= image.length) {
                        continue;
                    }
                    for (int j = 0; j < k[0].length; j++) {
                        int x = c + j - padding;
                        if (x >= 0 && x < image[0].length) {
                            sum += image[y][x] * k[i][j];
                        }
                    }
                }
                out[r][c] += sum;
            }
        }
    }

    private static void checkGeometry(int h, int w, int kh, int kw, int stride, int padding) {
        Require.atLeast(stride, 1, "stride");
        Require.atLeast(padding, 0, "padding");
        long ph = h + 2L * padding;
        long pw = w + 2L * padding;
        if (kh > ph || kw > pw) {
            throw new IllegalArgumentException("featureDetector is " + kh + "x" + kw + ", larger than the image "
                + h + "x" + w + " with padding " + padding + " (" + ph + "x" + pw + ")");
        }
        long cells = ((ph - kh) / stride + 1) * ((pw - kw) / stride + 1);
        if (cells > Guards.MAX_CELLS) {
            throw new IllegalArgumentException("padding " + padding + " and stride " + stride + " would make a feature map of "
                + cells + " cells, more than " + Guards.MAX_CELLS);
        }
    }

    private static int outputSize(int n, int k, int stride, int padding) {
        return (int) ((n + 2L * padding - k) / stride + 1);
    }

    /** Prints the lecture's feature map. */
    public static void main(String[] args) {
        double[][] image = {
            {0, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 1, 0}, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 1, 0, 0, 0},
            {0, 1, 0, 0, 0, 1, 0}, {0, 0, 1, 1, 1, 0, 0}, {0, 0, 0, 0, 0, 0, 0}};
        double[][] detector = {{0, 0, 1}, {1, 0, 0}, {0, 1, 1}};
        for (double[] row : convolve(image, detector)) {
            System.out.println(Arrays.toString(row));
        }
    }
}
