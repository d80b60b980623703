package cnn;

import static cnn.ReferenceFixtures.EPS;
import static cnn.ReferenceFixtures.copy;
import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Step 1 — Convolution (reference)")
class ConvolutionReferenceTest {
    private static final double[][] IMAGE_3X3 = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the 7x7 image and the 3x3 feature detector give the 5x5 feature map (corrected, ERRATA E1)")
        void lectureFeatureMap() {
            assertThat(Convolution.convolve(LectureData.image(), LectureData.featureDetector()))
                    .isDeepEqualTo(LectureData.featureMap());
        }

        @Test
        @DisplayName("stride 1 and padding 0 is the lecture's operation")
        void strideOnePaddingZero() {
            assertThat(Convolution.convolve(LectureData.image(), LectureData.featureDetector(), 1, 0))
                    .isDeepEqualTo(LectureData.featureMap());
        }

        @Test
        @DisplayName("a layer with one channel, one filter and bias 0 gives the same map")
        void layerOfOne() {
            double[][][] out = Convolution.convolve(
                    new double[][][] {LectureData.image()},
                    new double[][][][] {{LectureData.featureDetector()}},
                    new double[] {0},
                    1,
                    0);
            assertThat(out).hasNumberOfRows(1);
            assertThat(out[0]).isDeepEqualTo(LectureData.featureMap());
        }
    }

    @Nested
    @DisplayName("hand-worked small cases")
    class HandWorked {
        @Test
        @DisplayName("the detector is laid on as it is, not flipped: [1 0] on [1 2 3] gives [1 2]")
        void notFlipped() {
            assertThat(Convolution.convolve(new double[][] {{1, 2, 3}}, new double[][] {{1, 0}}))
                    .isDeepEqualTo(new double[][] {{1, 2}});
        }

        @Test
        @DisplayName("a rectangular 3x4 image with a 2x3 detector gives 2x2")
        void rectangular() {
            double[][] image = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
            double[][] detector = {{1, 0, -1}, {0, 1, 0}};
            assertThat(Convolution.convolve(image, detector)).isDeepEqualTo(new double[][] {{4, 5}, {8, 9}});
        }

        @Test
        @DisplayName("stride 2 with padding 1: a 2x2 detector of ones on a 3x3 image gives [[1,5],[11,28]]")
        void strideAndPadding() {
            assertThat(Convolution.convolve(IMAGE_3X3, new double[][] {{1, 1}, {1, 1}}, 2, 1))
                    .isDeepEqualTo(new double[][] {{1, 5}, {11, 28}});
        }

        @Test
        @DisplayName("padding 1 with a 3x3 detector keeps the size; the centre-only detector returns the image")
        void samePadding() {
            double[][] centre = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
            assertThat(Convolution.convolve(IMAGE_3X3, centre, 1, 1)).isDeepEqualTo(IMAGE_3X3);
        }

        @Test
        @DisplayName("output size is floor((n + 2p − k) / s) + 1 per axis: 4x7 image, 3x2 detector, s 2, p 1 gives 2x4")
        void outputSizeRoundsDown() {
            double[][] out = Convolution.convolve(new double[4][7], new double[3][2], 2, 1);
            assertThat(out).hasDimensions(2, 4);
            assertThat(Convolution.convolve(new double[6][6], new double[3][3], 2, 0))
                    .hasDimensions(2, 2);
        }

        @Test
        @DisplayName("a detector the size of the image gives one cell: the full dot product")
        void detectorAsLargeAsImage() {
            assertThat(Convolution.convolve(IMAGE_3X3, IMAGE_3X3)).isDeepEqualTo(new double[][] {{285}});
        }

        @Test
        @DisplayName("a layer: 2 channels, 2 filters and their biases")
        void multiChannelWithBias() {
            double[][][] input = {IMAGE_3X3, {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}}};
            double[][][][] filters = {
                {{{1, 0}, {0, 0}}, {{0, 0}, {0, 1}}}, // top-left of channel 0 + bottom-right of channel 1
                {{{1, 1}, {1, 1}}, {{-1, 0}, {0, 0}}}
            }; // sum of channel 0 − top-left of channel 1
            double[][][] out = Convolution.convolve(input, filters, new double[] {0.5, -1}, 1, 0);
            assertThat(out).hasNumberOfRows(2);
            assertThat(out[0]).isDeepEqualTo(new double[][] {{2.5, 2.5}, {4.5, 6.5}});
            assertThat(out[1]).isDeepEqualTo(new double[][] {{10, 15}, {23, 26}});
        }

        @Test
        @DisplayName("a layer with stride and padding: padding cells are zeros, the bias is added everywhere")
        void layerWithStrideAndPadding() {
            double[][][] out = Convolution.convolve(
                    new double[][][] {IMAGE_3X3}, new double[][][][] {{{{1, 1}, {1, 1}}}}, new double[] {10}, 2, 1);
            assertThat(out[0]).isDeepEqualTo(new double[][] {{11, 15}, {21, 38}});
        }

        @Test
        @DisplayName("a 1x1 detector [c] scales the image by c")
        void oneByOneDetectorScales() {
            double[][] out = Convolution.convolve(IMAGE_3X3, new double[][] {{0.5}});
            assertThat(out[2][2]).isCloseTo(4.5, within(EPS));
            assertThat(out).hasDimensions(3, 3);
        }

        @Test
        @DisplayName("does not change its inputs")
        void inputsUnchanged() {
            double[][] image = LectureData.image();
            double[][] detector = LectureData.featureDetector();
            Convolution.convolve(image, detector, 2, 1);
            assertThat(image).isDeepEqualTo(LectureData.image());
            assertThat(detector).isDeepEqualTo(LectureData.featureDetector());
            double[][][] input = {copy(IMAGE_3X3)};
            double[][][][] filters = {{{{1, 2}, {3, 4}}}};
            double[] bias = {1};
            Convolution.convolve(input, filters, bias, 1, 1);
            assertThat(input[0]).isDeepEqualTo(IMAGE_3X3);
            assertThat(filters[0][0]).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
            assertThat(bias).containsExactly(1);
        }
    }

    @Nested
    @DisplayName("bad arguments are rejected with a message naming the problem")
    class BadArguments {
        private final double[][] k = {{1}};

        @Test
        @DisplayName("null, empty, ragged or null-row image or detector")
        void badMatrices() {
            rejects(() -> Convolution.convolve(null, k), "image", "null");
            rejects(() -> Convolution.convolve(IMAGE_3X3, null), "featureDetector", "null");
            rejects(() -> Convolution.convolve(new double[0][], k), "image", "empty");
            rejects(() -> Convolution.convolve(new double[2][0], k), "image", "empty");
            rejects(() -> Convolution.convolve(new double[][] {{1, 2}, {3}}, k), "image", "ragged", "2", "1");
            rejects(() -> Convolution.convolve(new double[][] {{1, 2}, null}, k), "image", "null");
            rejects(() -> Convolution.convolve(IMAGE_3X3, new double[][] {{1}, {1, 2}}), "featureDetector", "ragged");
        }

        @Test
        @DisplayName("a detector larger than the (padded) image, stride < 1, padding < 0")
        void badGeometry() {
            rejects(() -> Convolution.convolve(new double[2][2], new double[3][3]), "larger", "3x3", "2x2");
            rejects(() -> Convolution.convolve(new double[2][5], new double[3][1]), "larger");
            rejects(() -> Convolution.convolve(new double[2][2], new double[5][5], 1, 1), "larger", "padding");
            rejects(() -> Convolution.convolve(IMAGE_3X3, k, 0, 0), "stride", "0");
            rejects(() -> Convolution.convolve(IMAGE_3X3, k, 1, -1), "padding", "-1");
        }

        @Test
        @DisplayName("a layer with missing parts or counts that do not match")
        void badLayer() {
            double[][][] in = {IMAGE_3X3};
            double[][][][] f = {{k}};
            double[] b = {0};
            rejects(() -> Convolution.convolve(null, f, b, 1, 0), "input", "null");
            rejects(() -> Convolution.convolve(new double[0][][], f, b, 1, 0), "input", "empty");
            rejects(
                    () -> Convolution.convolve(
                            new double[][][] {IMAGE_3X3, new double[2][3]}, new double[][][][] {{k, k}}, b, 1, 0),
                    "input[1]",
                    "2x3",
                    "3x3");
            rejects(() -> Convolution.convolve(in, null, b, 1, 0), "filters", "null");
            rejects(() -> Convolution.convolve(in, new double[0][][][], b, 1, 0), "filters", "empty");
            rejects(() -> Convolution.convolve(in, f, null, 1, 0), "bias", "null");
            rejects(() -> Convolution.convolve(in, new double[][][][] {{k}, {k}}, b, 1, 0), "bias", "1", "2");
            rejects(() -> Convolution.convolve(in, new double[][][][] {{k, k}}, b, 1, 0), "channels", "2", "1");
            rejects(
                    () -> Convolution.convolve(in, new double[][][][] {{k}, {{{1, 1}}}}, new double[] {0, 0}, 1, 0),
                    "filters[1]",
                    "same shape");
            rejects(() -> Convolution.convolve(in, f, b, 0, 0), "stride");
            rejects(() -> Convolution.convolve(in, f, b, 1, -2), "padding");
            rejects(() -> Convolution.convolve(in, new double[][][][] {{new double[4][4]}}, b, 1, 0), "larger");
        }
    }
}
