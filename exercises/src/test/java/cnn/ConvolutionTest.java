package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Step 1 — Convolution: the lecture's worked example and a few small cases. Passing them is a good
 * sign, not a proof: the hidden tests used for grading check more (other shapes, strides and paddings, every
 * bad-argument rule of the Javadoc, inputs left unchanged).
 */
@DisplayName("Step 1 — Convolution")
class ConvolutionTest {
    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the 7x7 image and the 3x3 feature detector give the 5x5 feature map")
        void lectureFeatureMap() {
            double[][] image = LectureData.image();
            double[][] detector = LectureData.featureDetector();
            Expect.matrix(
                    "Convolution of the lecture's 7x7 image with its 3x3 feature detector",
                    LectureData.featureMap(),
                    Convolution.convolve(image, detector),
                    in("image", image),
                    in("featureDetector", detector));
        }

        @Test
        @DisplayName("with stride 1 and padding 0 the general method gives the same map")
        void strideOnePaddingZero() {
            Expect.matrix(
                    "convolve(image, featureDetector, stride 1, padding 0) on the lecture's example",
                    LectureData.featureMap(),
                    Convolution.convolve(LectureData.image(), LectureData.featureDetector(), 1, 0));
        }
    }

    @Nested
    @DisplayName("small cases")
    class Small {
        @Test
        @DisplayName("the detector is not flipped: [1 0] on [1 2 3] gives [1 2]")
        void notFlipped() {
            double[][] image = {{1, 2, 3}};
            double[][] detector = {{1, 0}};
            Expect.matrix(
                    "a 1x2 detector on a 1x3 image",
                    new double[][] {{1, 2}},
                    Convolution.convolve(image, detector),
                    in("image", image),
                    in("featureDetector", detector));
        }

        @Test
        @DisplayName("a rectangular image and detector")
        void rectangular() {
            double[][] image = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
            double[][] detector = {{1, 0, -1}, {0, 1, 0}};
            Expect.matrix(
                    "a 2x3 detector on a 3x4 image",
                    new double[][] {{4, 5}, {8, 9}},
                    Convolution.convolve(image, detector),
                    in("image", image),
                    in("featureDetector", detector));
        }

        @Test
        @DisplayName("stride 2 and padding 1")
        void strideAndPadding() {
            double[][] image = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
            double[][] detector = {{1, 1}, {1, 1}};
            Expect.matrix(
                    "a 2x2 detector of ones, stride 2, padding 1 (zeros around the image)",
                    new double[][] {{1, 5}, {11, 28}},
                    Convolution.convolve(image, detector, 2, 1),
                    in("image", image),
                    in("featureDetector", detector));
        }

        @Test
        @DisplayName("padding 1 keeps a 3x3 image 3x3 under a 3x3 detector: zeros on every side")
        void paddingOnEverySide() {
            double[][] image = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
            double[][] detector = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
            Expect.matrix(
                    "a 3x3 detector of ones, stride 1, padding 1 (zeros around the image)",
                    new double[][] {{12, 21, 16}, {27, 45, 33}, {24, 39, 28}},
                    Convolution.convolve(image, detector, 1, 1),
                    in("image", image),
                    in("featureDetector", detector));
        }

        @Test
        @DisplayName("a layer: two channels, one filter, bias added to every cell")
        void layer() {
            double[][][] input = {{{1, 2}, {3, 4}}, {{10, 20}, {30, 40}}};
            double[][][][] filters = {{{{1, 0}, {0, 0}}, {{0, 0}, {0, 1}}}};
            Expect.stack(
                    "a 2-channel 2x2 input, one filter taking channel 0's top-left + channel 1's bottom-right, "
                            + "bias 0.5",
                    new double[][][] {{{41.5}}},
                    Convolution.convolve(input, filters, new double[] {0.5}, 1, 0),
                    in("input", input),
                    in("filters[0]", filters[0]));
        }

        @Test
        @DisplayName("a detector larger than the image is rejected")
        void detectorTooLarge() {
            Expect.rejects(
                    "convolve(2x2 image, 3x3 detector) must throw IllegalArgumentException",
                    () -> Convolution.convolve(new double[2][2], new double[3][3]));
        }

        @Test
        @DisplayName("a ragged image, a stride of 0 and a negative padding are rejected")
        void badArgumentsRejected() {
            double[][] detector = {{1}};
            Expect.rejects(
                    "convolve of a ragged image (rows of 2 and 1 cells) must throw IllegalArgumentException",
                    () -> Convolution.convolve(new double[][] {{1, 2}, {3}}, detector));
            Expect.rejects(
                    "convolve(image, detector, stride 0, padding 0) must throw IllegalArgumentException",
                    () -> Convolution.convolve(new double[3][3], detector, 0, 0));
            Expect.rejects(
                    "convolve(image, detector, stride 1, padding -1) must throw IllegalArgumentException",
                    () -> Convolution.convolve(new double[3][3], detector, 1, -1));
        }

        @Test
        @DisplayName("null and empty arrays, and layers whose channel or bias counts do not match, are rejected")
        void otherBadArgumentsRejected() {
            double[][][] input = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
            double[][][][] oneChannelFilter = {{{{1}}}};
            double[][][][] twoChannelFilter = {{{{1}}, {{1}}}};
            Expect.rejects(
                    "convolve(null image, detector) must throw IllegalArgumentException",
                    () -> Convolution.convolve(null, new double[][] {{1}}));
            Expect.rejects(
                    "convolve(image, empty detector) must throw IllegalArgumentException",
                    () -> Convolution.convolve(new double[2][2], new double[0][]));
            Expect.rejects(
                    "convolve of a 2-channel input with a 1-channel filter must throw IllegalArgumentException",
                    () -> Convolution.convolve(input, oneChannelFilter, new double[] {0}, 1, 0));
            Expect.rejects(
                    "convolve with 1 filter but 2 biases must throw IllegalArgumentException",
                    () -> Convolution.convolve(input, twoChannelFilter, new double[] {0, 0}, 1, 0));
        }

        @Test
        @DisplayName("a padding that would make a map of more than 2^26 cells is rejected, not run out of memory")
        void hugeFeatureMapRejected() {
            Expect.rejects(
                    "convolve(1x1 image, 1x1 detector, stride 1, padding 10 000), a 20001x20001 map, must throw "
                            + "IllegalArgumentException",
                    () -> Convolution.convolve(new double[][] {{1}}, new double[][] {{1}}, 1, 10_000));
        }
    }
}
