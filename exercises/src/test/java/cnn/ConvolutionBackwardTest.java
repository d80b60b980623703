package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Part 2, Step 1 — the convolution's backward pass: small hand-worked cases, the lecture's image,
 * and gradient checks of your backward pass against your own forward pass ({@link GradientCheck}). The hidden tests
 * check more (random shapes, strides and paddings, every bad-argument rule, inputs left unchanged).
 */
@DisplayName("Part 2, Step 1 — Convolution backward")
class ConvolutionBackwardTest {
    private static final double[][] IMAGE = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

    @Nested
    @DisplayName("hand-worked cases")
    class HandWorked {
        private final double[][] detector = {{1, 0}, {0, -1}};
        private final double[][] gradient = {{1, 2}, {3, 4}};

        @Test
        @DisplayName("3x3 image, 2x2 detector, stride 1: each output's gradient goes back through the detector")
        void imageGradientStrideOne() {
            // Output (r, c) covered image cells (r..r+1, c..c+1): the detector's 1 passes g[r][c] to cell (r, c), its
            // -1 passes -g[r][c] to cell (r+1, c+1). Image cell (1, 1) gets +4 from output (1, 1) and -1 from output
            // (0, 0): 3. Were the detector not laid on as it is (a flip), the signs would swap places.
            Expect.matrix(
                    "imageGradient(3x3 image, 2x2 detector, g, stride 1, padding 0)",
                    new double[][] {{1, 2, 0}, {3, 3, -2}, {0, -3, -4}},
                    Convolution.imageGradient(IMAGE, detector, gradient, 1, 0),
                    in("image", IMAGE),
                    in("featureDetector", detector),
                    in("outputGradient", gradient));
        }

        @Test
        @DisplayName("3x3 image, 2x2 detector, stride 1: each detector cell collects g times the cells it met")
        void detectorGradientStrideOne() {
            // Detector cell (0, 0) met image cells 1, 2, 4, 5 at outputs with g = 1, 2, 3, 4: 1 + 4 + 12 + 20 = 37.
            Expect.matrix(
                    "detectorGradient(3x3 image, 2x2 detector, g, stride 1, padding 0)",
                    new double[][] {{37, 47}, {67, 77}},
                    Convolution.detectorGradient(IMAGE, detector, gradient, 1, 0),
                    in("image", IMAGE),
                    in("featureDetector", detector),
                    in("outputGradient", gradient));
        }

        @Test
        @DisplayName("stride 2 and padding 1: the padding's cells get no place in the result")
        void strideAndPadding() {
            double[][] k = {{1, 2}, {3, 4}};
            // Outputs: 2x2. Gradients 1, 10, 100, 1000, so each image cell shows which outputs reached it.
            // Output (0, 0) covered padded rows/cols -1..0: only image (0, 0), through k[1][1] = 4.
            double[][] g = {{1, 10}, {100, 1000}};
            Expect.matrix(
                    "imageGradient(3x3 image, 2x2 detector, g, stride 2, padding 1)",
                    new double[][] {{4, 30, 40}, {200, 1000, 2000}, {400, 3000, 4000}},
                    Convolution.imageGradient(IMAGE, k, g, 2, 1),
                    in("image", IMAGE),
                    in("featureDetector", k),
                    in("outputGradient", g));
            // k[0][0] only ever met padding, except at output (1, 1), where it met image (1, 1) = 5: 1000 · 5.
            Expect.matrix(
                    "detectorGradient(3x3 image, 2x2 detector, g, stride 2, padding 1)",
                    new double[][] {{5000, 6400}, {8020, 9731}},
                    Convolution.detectorGradient(IMAGE, k, g, 2, 1),
                    in("image", IMAGE),
                    in("featureDetector", k),
                    in("outputGradient", g));
        }

        @Test
        @DisplayName("the bias gradient of each map is the sum of its gradient over all positions")
        void biasGradient() {
            double[][][] g = {{{1, 2}, {3, 4}}, {{-1, 0.5}, {0, 0}}};
            Expect.vector(
                    "biasGradient(2 maps of 2x2)",
                    new double[] {10, -0.5},
                    Convolution.biasGradient(g),
                    in("outputGradient", g));
        }
    }

    @Nested
    @DisplayName("gradient checks against your forward pass")
    class Checks {
        @Test
        @DisplayName("the lecture's 7x7 image and detector: imageGradient and detectorGradient")
        void lectureExample() {
            double[][] image = LectureData.image();
            double[][] detector = LectureData.featureDetector();
            double[][] g = ramp(5, 5, 0.1);
            Expect.gradientsAgree(
                    "imageGradient of the lecture's example vs. central differences of convolve",
                    GradientCheck.compare(
                            Convolution.imageGradient(image, detector, g, 1, 0),
                            GradientCheck.numericalGradient(
                                    x -> GradientCheck.dot(g, Convolution.convolve(x, detector, 1, 0)), image)),
                    in("outputGradient", g));
            Expect.gradientsAgree(
                    "detectorGradient of the lecture's example vs. central differences of convolve",
                    GradientCheck.compare(
                            Convolution.detectorGradient(image, detector, g, 1, 0),
                            GradientCheck.numericalGradient(
                                    k -> GradientCheck.dot(g, Convolution.convolve(image, k, 1, 0)), detector)),
                    in("outputGradient", g));
        }

        @Test
        @DisplayName("a layer of 2 filters on 2 channels, stride 2, padding 1: input and filter gradients")
        void layer() {
            double[][][] input = {ramp(4, 5, 0.3), ramp(4, 5, -0.2)};
            double[][][][] filters = {{ramp(3, 3, 0.5), ramp(3, 3, -0.1)}, {ramp(3, 3, 0.2), ramp(3, 3, 0.7)}};
            double[] bias = {0.5, -1};
            double[][][] g = {ramp(2, 3, 1.1), ramp(2, 3, -0.4)};
            Expect.gradientsAgree(
                    "inputGradient vs. central differences of the layer's convolve",
                    GradientCheck.compare(
                            Convolution.inputGradient(input, filters, g, 2, 1),
                            GradientCheck.numericalGradient(
                                    x -> GradientCheck.dot(g, Convolution.convolve(x, filters, bias, 2, 1)), input)),
                    in("outputGradient", g));
            Expect.gradientsAgree(
                    "filterGradient vs. central differences of the layer's convolve",
                    GradientCheck.compare(
                            Convolution.filterGradient(input, filters, g, 2, 1),
                            GradientCheck.numericalGradient(
                                    w -> GradientCheck.dot(g, Convolution.convolve(input, w, bias, 2, 1)), filters)),
                    in("outputGradient", g));
        }
    }

    @Nested
    @DisplayName("bad arguments")
    class Bad {
        @Test
        @DisplayName("an output gradient of the wrong shape is rejected, with the sizes in the message")
        void wrongGradientShape() {
            double[][] k = {{1, 0}, {0, 1}};
            Expect.rejects(
                    "imageGradient(3x3 image, 2x2 detector, a 3x3 gradient) must throw IllegalArgumentException "
                            + "(the feature map is 2x2)",
                    () -> Convolution.imageGradient(IMAGE, k, new double[3][3], 1, 0),
                    "3x3");
        }
    }

    /** A matrix of distinct, smooth values: {@code scale · (r + 1) · (c − 1.5)} plus a little of r. */
    static double[][] ramp(int h, int w, double scale) {
        double[][] m = new double[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                m[r][c] = scale * ((r + 1) * (c - 1.5) + 0.37 * r);
            }
        }
        return m;
    }
}
