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
        // TODO Step 1: for every cell (r, c) of the (h−k+1) x (w−k+1) output, add up
        //      image[r+i][c+j] · featureDetector[i][j] over all cells (i, j) of the detector. Check the arguments first (see @throws). You may simply call the
        //      stride/padding version below with stride 1 and padding 0.
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
     * @throws IllegalArgumentException on null, empty or ragged arrays, stride &lt; 1, padding &lt; 0, or a detector
     *                                  larger than the padded image
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
     *                                  stride &lt; 1, padding &lt; 0, or kernels larger than the padded input
     */
    public static double[][][] convolve(double[][][] input, double[][][][] filters, double[] bias,
                                        int stride, int padding) {
        // TODO Step 1: for each filter f, every output cell starts at bias[f]; add the 2-D result of each input channel c
        //      with its kernel filters[f][c]. Check that the channel counts, kernel shapes and the bias length match.
        throw new UnsupportedOperationException(
            "Step 1 (Convolution) is not implemented yet — see exercises/src/main/java/cnn/Convolution.java");
    }
}
