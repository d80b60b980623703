package cnn;

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
 *
 * <p>Check your work with the public tests in {@code exercises/src/test/java/cnn/ConvolutionTest.java}:
 * {@code mvn -q -Pstudent -pl exercises -am test -Dtest=ConvolutionTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see the README).
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
        // TODO Step 1: for every cell (r, c) of the (h−k+1) x (w−k+1) output, add up image[r+i][c+j] ·
        //      featureDetector[i][j] over all cells (i, j) of the detector. Check the arguments first (see @throws).
        //      You may simply call the stride/padding version below with stride 1 and padding 0.
        throw new UnsupportedOperationException(
                "Step 1 (Convolution) is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
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
        // TODO Step 1: as above, but the detector's top-left corner moves by `stride` cells, and an image cell outside
        //      the image (because of the padding) counts as 0 — no need to build a padded copy of the image.
        throw new UnsupportedOperationException(
                "Step 1 (Convolution) is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
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
        // TODO Step 1: for each filter f, every output cell starts at bias[f]; add the 2-D result of each input channel
        //      c with its kernel filters[f][c]. Check that the channel counts, kernel shapes and the bias length match.
        throw new UnsupportedOperationException(
                "Step 1 (Convolution) is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
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
        // TODO Part 2, Step 1: run the forward pass's loops again; where the forward pass added image[y][x] *
        //      detector[i][j] into output (r, c), add outputGradient[r][c] * detector[i][j] into the gradient of image
        //      cell (y, x). Skip the padding's cells (outside the image). Check the gradient's shape against the
        //      forward output.
        throw new UnsupportedOperationException(
                "Step 1 (Convolution) backward pass is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
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
        // TODO Part 2, Step 1: the same loops as imageGradient, adding outputGradient[r][c] * image[y][x] into the
        //      gradient of detector cell (i, j); padding cells are 0 and add nothing.
        throw new UnsupportedOperationException(
                "Step 1 (Convolution) backward pass is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
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
        // TODO Part 2, Step 1: for every filter f and channel c, add the image gradient of input[c] through the kernel
        //      filters[f][c] and output map f. Check the shapes as the forward pass does (the bias aside).
        throw new UnsupportedOperationException(
                "Step 1 (Convolution) backward pass is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
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
        // TODO Part 2, Step 1: the kernel filters[f][c] gets the detector gradient of input[c] and output map f.
        throw new UnsupportedOperationException(
                "Step 1 (Convolution) backward pass is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
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
        // TODO Part 2, Step 1: one value per map: the sum (not the mean) of that map's gradient cells.
        throw new UnsupportedOperationException(
                "Step 1 (Convolution) backward pass is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
    }
}
