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
    private Convolution() {}

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
     * @throws IllegalArgumentException on null, empty or ragged arrays, stride &lt; 1, padding &lt; 0, a detector
     *                                  larger than the padded image, or a feature map of more than 2^26
     *                                  (67,108,864) cells, e.g. from a padding of 10 000: it would not fit in memory
     */
    public static double[][] convolve(double[][] image, double[][] featureDetector, int stride, int padding) {
        int w = Require.rectangular(image, "image");
        int kw = Require.rectangular(featureDetector, "featureDetector");
        checkGeometry(image.length, w, featureDetector.length, kw, stride, padding);
        double[][] out = new double[(int) outputSize(image.length, featureDetector.length, stride, padding)]
                [(int) outputSize(w, kw, stride, padding)];
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
     *                                  stride &lt; 1, padding &lt; 0, kernels larger than the padded input, or
     *                                  feature maps of more than 2^26 cells each
     */
    public static double[][][] convolve(
            double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        checkLayer(input, filters, stride, padding);
        Require.nonEmpty(bias, "bias");
        if (bias.length != filters.length) {
            throw new IllegalArgumentException("bias has " + bias.length + " values but there are " + filters.length
                    + " filters: one bias per filter");
        }
        int h = input[0].length;
        int w = input[0][0].length;
        int kh = filters[0][0].length;
        int kw = filters[0][0][0].length;
        double[][][] out = new double[filters.length][(int) outputSize(h, kh, stride, padding)]
                [(int) outputSize(w, kw, stride, padding)];
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

    /**
     * Backward pass of {@link #convolve(double[][], double[][], int, int)} with respect to the image. Every output
     * cell {@code (r, c)} was a sum of {@code image[r·s + i − p][c·s + j − p] · detector[i][j]}, so its gradient flows
     * back to each of those image cells times the detector cell that multiplied it:
     * {@code dImage[y][x] = Σ g[r][c] · detector[y + p − r·s][x + p − c·s]}. For stride 1 this is a full convolution
     * of the gradient with the detector turned by 180°; cells of the padding get gradient too, but are not part of
     * the image and are dropped.
     *
     * @param image           the forward pass's image
     * @param featureDetector the forward pass's detector
     * @param outputGradient  ∂L/∂(feature map), the shape of the forward output
     * @param stride          the forward pass's stride, at least 1
     * @param padding         the forward pass's padding, at least 0
     * @return ∂L/∂image, the shape of {@code image}
     * @throws IllegalArgumentException on the forward pass's bad arguments, or an output gradient that is null,
     *                                  empty, ragged or not the shape of the forward output
     */
    public static double[][] imageGradient(
            double[][] image, double[][] featureDetector, double[][] outputGradient, int stride, int padding) {
        checkSingle(image, featureDetector, outputGradient, stride, padding);
        double[][] out = new double[image.length][image[0].length];
        backpropagate(featureDetector, outputGradient, stride, padding, out, null, image);
        return out;
    }

    /**
     * Backward pass of {@link #convolve(double[][], double[][], int, int)} with respect to the detector: detector
     * cell {@code (i, j)} multiplied {@code image[r·s + i − p][c·s + j − p]} at every output position, so
     * {@code dDetector[i][j] = Σ g[r][c] · image[r·s + i − p][c·s + j − p]} (padding cells are 0 and add nothing).
     *
     * @param image           the forward pass's image
     * @param featureDetector the forward pass's detector
     * @param outputGradient  ∂L/∂(feature map), the shape of the forward output
     * @param stride          the forward pass's stride, at least 1
     * @param padding         the forward pass's padding, at least 0
     * @return ∂L/∂featureDetector, the shape of {@code featureDetector}
     * @throws IllegalArgumentException as {@link #imageGradient}
     */
    public static double[][] detectorGradient(
            double[][] image, double[][] featureDetector, double[][] outputGradient, int stride, int padding) {
        checkSingle(image, featureDetector, outputGradient, stride, padding);
        double[][] out = new double[featureDetector.length][featureDetector[0].length];
        backpropagate(featureDetector, outputGradient, stride, padding, null, out, image);
        return out;
    }

    /**
     * Backward pass of the layer {@link #convolve(double[][][], double[][][][], double[], int, int)} with respect to
     * its input: channel c received the gradient of every filter's map through that filter's kernel for channel c,
     * {@code dInput[c] = Σ_f imageGradient(input[c], filters[f][c], g[f])}.
     *
     * @param input          the forward pass's {@code input[channel][row][col]}
     * @param filters        the forward pass's {@code filters[filter][channel][row][col]}
     * @param outputGradient ∂L/∂output, {@code [filter][row][col]} of the forward output's shape
     * @param stride         at least 1
     * @param padding        at least 0
     * @return ∂L/∂input, {@code [channel][row][col]}
     * @throws IllegalArgumentException on the forward pass's bad arguments (the bias aside), or an output gradient
     *                                  that is not one map of the forward output's shape per filter
     */
    public static double[][][] inputGradient(
            double[][][] input, double[][][][] filters, double[][][] outputGradient, int stride, int padding) {
        checkLayer(input, filters, stride, padding);
        checkLayerGradient(input, filters, outputGradient, stride, padding);
        double[][][] out = new double[input.length][input[0].length][input[0][0].length];
        for (int f = 0; f < filters.length; f++) {
            for (int c = 0; c < input.length; c++) {
                backpropagate(filters[f][c], outputGradient[f], stride, padding, out[c], null, input[c]);
            }
        }
        return out;
    }

    /**
     * Backward pass of the layer with respect to its filters: the kernel of filter f for channel c only ever met
     * channel c and only fed map f, {@code dFilters[f][c] = detectorGradient(input[c], filters[f][c], g[f])}.
     *
     * @param input          the forward pass's {@code input[channel][row][col]}
     * @param filters        the forward pass's {@code filters[filter][channel][row][col]}
     * @param outputGradient ∂L/∂output, {@code [filter][row][col]} of the forward output's shape
     * @param stride         at least 1
     * @param padding        at least 0
     * @return ∂L/∂filters, {@code [filter][channel][row][col]}
     * @throws IllegalArgumentException as {@link #inputGradient}
     */
    public static double[][][][] filterGradient(
            double[][][] input, double[][][][] filters, double[][][] outputGradient, int stride, int padding) {
        checkLayer(input, filters, stride, padding);
        checkLayerGradient(input, filters, outputGradient, stride, padding);
        int kh = filters[0][0].length;
        int kw = filters[0][0][0].length;
        double[][][][] out = new double[filters.length][input.length][kh][kw];
        for (int f = 0; f < filters.length; f++) {
            for (int c = 0; c < input.length; c++) {
                backpropagate(filters[f][c], outputGradient[f], stride, padding, null, out[f][c], input[c]);
            }
        }
        return out;
    }

    /**
     * Backward pass of the layer with respect to its biases: filter f's bias was added to every cell of map f, so
     * its gradient is the sum of map f's gradient over all positions (a sum, not a mean).
     *
     * @param outputGradient ∂L/∂output, {@code [filter][row][col]}
     * @return ∂L/∂bias, one value per filter
     * @throws IllegalArgumentException if the gradient is null or empty, or a map is null, empty, ragged or of
     *                                  another shape
     */
    public static double[] biasGradient(double[][][] outputGradient) {
        Require.sameShapeStack(outputGradient, "outputGradient");
        double[] out = new double[outputGradient.length];
        for (int f = 0; f < out.length; f++) {
            for (double[] row : outputGradient[f]) {
                for (double g : row) {
                    out[f] += g;
                }
            }
        }
        return out;
    }

    /**
     * The forward pass's loops run backwards: each output cell's gradient is handed to the image cells and the
     * detector cells that made it. Adds into {@code dImage} and/or {@code dDetector} (either may be null).
     */
    private static void backpropagate(
            double[][] k,
            double[][] g,
            int stride,
            int padding,
            double[][] dImage,
            double[][] dDetector,
            double[][] image) {
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[0].length; c++) {
                for (int i = 0; i < k.length; i++) {
                    int y = r * stride + i - padding;
                    if (y < 0 || y >= image.length) {
                        continue;
                    }
                    for (int j = 0; j < k[0].length; j++) {
                        int x = c * stride + j - padding;
                        if (x < 0 || x >= image[0].length) {
                            continue;
                        }
                        if (dImage != null) {
                            dImage[y][x] += g[r][c] * k[i][j];
                        }
                        if (dDetector != null) {
                            dDetector[i][j] += g[r][c] * image[y][x];
                        }
                    }
                }
            }
        }
    }

    /** The checks of the single-channel forward pass, and the gradient's shape against its output. */
    private static void checkSingle(
            double[][] image, double[][] featureDetector, double[][] outputGradient, int stride, int padding) {
        int w = Require.rectangular(image, "image");
        int kw = Require.rectangular(featureDetector, "featureDetector");
        checkGeometry(image.length, w, featureDetector.length, kw, stride, padding);
        Require.rectangular(outputGradient, "outputGradient");
        int rows = (int) outputSize(image.length, featureDetector.length, stride, padding);
        int cols = (int) outputSize(w, kw, stride, padding);
        if (outputGradient.length != rows || outputGradient[0].length != cols) {
            throw new IllegalArgumentException("outputGradient is " + Require.shape(outputGradient)
                    + " but the feature map of a " + image.length + "x" + w + " image, a " + featureDetector.length
                    + "x"
                    + kw + " detector, stride " + stride + " and padding " + padding + " is " + rows + "x" + cols);
        }
    }

    /** The layer's input and filters: shapes that fit each other and the geometry. */
    private static void checkLayer(double[][][] input, double[][][][] filters, int stride, int padding) {
        Require.sameShapeStack(input, "input");
        if (filters == null || filters.length == 0) {
            throw new IllegalArgumentException("filters is " + (filters == null ? "null" : "empty (0 filters)"));
        }
        for (int f = 0; f < filters.length; f++) {
            Require.sameShapeStack(filters[f], "filters[" + f + "]");
            if (filters[f].length != input.length) {
                throw new IllegalArgumentException(
                        "filters[" + f + "] has " + filters[f].length + " channels but input has " + input.length);
            }
            if (filters[f][0].length != filters[0][0].length || filters[f][0][0].length != filters[0][0][0].length) {
                throw new IllegalArgumentException(
                        "filters[" + f + "] is " + Require.shape(filters[f][0]) + " but filters[0] is "
                                + Require.shape(filters[0][0]) + ": all filters must have the same shape");
            }
        }
        checkGeometry(
                input[0].length, input[0][0].length, filters[0][0].length, filters[0][0][0].length, stride, padding);
    }

    /** The layer's output gradient: one map per filter, each the shape of the forward output. */
    private static void checkLayerGradient(
            double[][][] input, double[][][][] filters, double[][][] outputGradient, int stride, int padding) {
        Require.sameShapeStack(outputGradient, "outputGradient");
        int rows = (int) outputSize(input[0].length, filters[0][0].length, stride, padding);
        int cols = (int) outputSize(input[0][0].length, filters[0][0][0].length, stride, padding);
        if (outputGradient.length != filters.length
                || outputGradient[0].length != rows
                || outputGradient[0][0].length != cols) {
            throw new IllegalArgumentException("outputGradient is " + outputGradient.length + " maps of "
                    + Require.shape(outputGradient[0]) + " but the layer's output is " + filters.length + " maps of "
                    + rows + "x" + cols + " (one per filter)");
        }
    }

    /** Adds the detector's response at every output position to {@code out}; cells outside the image count as 0. */
    private static void accumulate(double[][] image, double[][] k, int stride, int padding, double[][] out) {
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                double sum = 0;
                for (int i = 0; i < k.length; i++) {
                    int y = r * stride + i - padding;
                    if (y < 0 || y >= image.length) {
                        continue;
                    }
                    for (int j = 0; j < k[0].length; j++) {
                        int x = c * stride + j - padding;
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
            throw new IllegalArgumentException("featureDetector is " + kh + "x" + kw + ", larger than the image " + h
                    + "x" + w + " with padding " + padding + " (" + ph + "x" + pw + ")");
        }
        Guards.notHuge(outputSize(h, kh, stride, padding), outputSize(w, kw, stride, padding), stride, padding);
    }

    /** @return {@code floor((n + 2p − k) / s) + 1}, as a long: it fits an int only once {@link Guards#notHuge} passed */
    private static long outputSize(int n, int k, int stride, int padding) {
        return (n + 2L * padding - k) / stride + 1;
    }

    /** Prints the lecture's feature map. */
    public static void main(String[] args) {
        double[][] image = {
            {0, 0, 0, 0, 0, 0, 0},
            {0, 1, 0, 0, 0, 1, 0},
            {0, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 1, 0, 0, 0},
            {0, 1, 0, 0, 0, 1, 0},
            {0, 0, 1, 1, 1, 0, 0},
            {0, 0, 0, 0, 0, 0, 0}
        };
        double[][] detector = {{0, 0, 1}, {1, 0, 0}, {0, 1, 1}};
        for (double[] row : convolve(image, detector)) {
            System.out.println(Arrays.toString(row));
        }
    }
}
