package cnn;

import static cnn.ReferenceFixtures.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases of the Part 2 backward passes beyond the public tests (ties, cells in no window, padding and
 * stride together), and every bad-argument rule of the contract. The gradients themselves are checked against
 * central differences in {@link BackwardPropertiesTest}.
 */
@DisplayName("Part 2 (reference): backward passes, hand-worked and bad arguments")
class BackwardReferenceTest {
    private static final double[][] IMAGE = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

    @Nested
    @DisplayName("Convolution")
    class ConvolutionCases {
        @Test
        @DisplayName("stride 2, padding 1, 3x3 detector on 4x4: the image gradient without the padding's cells")
        void strideAndPadding() {
            double[][] image = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}};
            double[][] k = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
            double[][] g = {{1, -1}, {2, 0}};
            assertThat(Convolution.imageGradient(image, k, g, 2, 1))
                    .isDeepEqualTo(new double[][] {{5, 2, -5, -6}, {12, 8, -8, -9}, {10, 12, 0, 0}, {16, 18, 0, 0}});
            assertThat(Convolution.detectorGradient(image, k, g, 2, 1))
                    .isDeepEqualTo(new double[][] {{0, 10, 12}, {-2, 16, 18}, {-6, 24, 26}});
        }

        @Test
        @DisplayName("stride 3 skips cells: they get no gradient")
        void skippedCells() {
            double[][] image = new double[4][4];
            double[][] g = {{1, 1}, {1, 1}};
            double[][] dImage = Convolution.imageGradient(image, new double[][] {{2}}, g, 3, 0);
            assertThat(dImage).isDeepEqualTo(new double[][] {{2, 0, 0, 2}, {0, 0, 0, 0}, {0, 0, 0, 0}, {2, 0, 0, 2}});
        }

        @Test
        @DisplayName("the layer's gradients are the single-map ones summed over filters (input) or per kernel")
        void layerFromSingleMaps() {
            double[][] a = {{1, 0}, {0, 1}};
            double[][] b = {{0, 2}, {-1, 0}};
            double[][][] input = {IMAGE, {{0, 1, 0}, {1, 0, 1}, {0, 1, 0}}};
            double[][][][] filters = {{a, b}, {b, a}};
            double[][][] g = {{{1, 2}, {3, 4}}, {{-1, 0}, {0, 5}}};
            double[][][] dInput = Convolution.inputGradient(input, filters, g, 1, 0);
            double[][] expected0 = add(
                    Convolution.imageGradient(IMAGE, a, g[0], 1, 0), Convolution.imageGradient(IMAGE, b, g[1], 1, 0));
            assertThat(dInput[0]).isDeepEqualTo(expected0);
            double[][][][] dFilters = Convolution.filterGradient(input, filters, g, 1, 0);
            assertThat(dFilters[1][0]).isDeepEqualTo(Convolution.detectorGradient(IMAGE, b, g[1], 1, 0));
            assertThat(Convolution.biasGradient(g)).containsExactly(10, 4);
        }

        @Test
        @DisplayName("bad arguments: the forward pass's rules, and the gradient's shape, with the sizes seen")
        void badArguments() {
            double[][] k = {{1, 0}, {0, 1}};
            rejects(() -> Convolution.imageGradient(IMAGE, k, new double[2][3], 1, 0), "2x3", "2x2");
            rejects(() -> Convolution.detectorGradient(IMAGE, k, new double[1][1], 1, 0), "1x1", "2x2");
            rejects(() -> Convolution.imageGradient(IMAGE, k, null, 1, 0), "outputGradient", "null");
            rejects(() -> Convolution.imageGradient(IMAGE, k, new double[][] {{1, 2}, {3}}, 1, 0), "ragged");
            rejects(() -> Convolution.imageGradient(null, k, new double[2][2], 1, 0), "image", "null");
            rejects(() -> Convolution.detectorGradient(IMAGE, k, new double[2][2], 0, 0), "stride", "0");
            rejects(() -> Convolution.detectorGradient(IMAGE, k, new double[2][2], 1, -1), "padding", "-1");
            rejects(() -> Convolution.imageGradient(new double[1][1], k, new double[1][1], 1, 0), "larger");
            double[][][] input = {IMAGE};
            double[][][][] filters = {{k}, {k}};
            rejects(() -> Convolution.inputGradient(input, filters, new double[1][2][2], 1, 0), "1 maps", "2 maps");
            rejects(() -> Convolution.filterGradient(input, filters, new double[2][3][3], 1, 0), "3x3", "2x2");
            rejects(
                    () -> Convolution.filterGradient(input, new double[][][][] {{k, k}}, new double[1][2][2], 1, 0),
                    "2 channels",
                    "1");
            rejects(() -> Convolution.biasGradient(new double[0][][]), "empty");
            rejects(() -> Convolution.biasGradient(new double[][][] {{{1}}, {{1, 2}}}), "1x2", "1x1");
        }
    }

    @Nested
    @DisplayName("Relu")
    class ReluCases {
        @Test
        @DisplayName("exactly 0 and -0.0 stop the gradient; NaN stops it too")
        void zeroStops() {
            assertThat(Relu.backward(new double[][] {{0, -0.0, Double.NaN, 1e-300}}, new double[][] {{1, 2, 3, 4}}))
                    .isDeepEqualTo(new double[][] {{0, 0, 0, 4}});
        }

        @Test
        @DisplayName("bad arguments")
        void badArguments() {
            rejects(() -> Relu.backward(new double[2][2], new double[2][3]), "2x3", "2x2");
            rejects(() -> Relu.backward(null, new double[2][3]), "featureMap", "null");
            rejects(() -> Relu.backward(new double[][][] {{{1}}}, new double[][][] {{{1}}, {{2}}}), "2 maps", "1 maps");
            rejects(() -> Relu.backward(new double[1][2][2], new double[1][2][1]), "2x1", "2x2");
        }
    }

    @Nested
    @DisplayName("MaxPooling")
    class MaxPoolingCases {
        @Test
        @DisplayName("ties go to the first cell row by row, never to every tied cell or the last one")
        void tiesToTheFirst() {
            double[][] map = {{3, 1, 3}, {3, 3, 0}};
            assertThat(MaxPooling.backward(map, new double[][] {{7}}, 3, 1))
                    .isDeepEqualTo(new double[][] {{7, 0, 0}, {0, 0, 0}});
            assertThat(MaxPooling.backward(new double[][] {{-0.0, 0.0}}, new double[][] {{1}}, 2, 2))
                    .isDeepEqualTo(new double[][] {{1, 0}});
        }

        @Test
        @DisplayName("stride > size: cells in no window get 0; partial windows at the edges keep their cells")
        void strideLargerThanWindow() {
            double[][] map = {
                {1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}, {11, 12, 13, 14, 15}, {16, 17, 18, 19, 20}, {21, 22, 23, 24, 25}
            };
            assertThat(MaxPooling.backward(map, new double[][] {{1, 2}, {3, 4}}, 2, 3))
                    .isDeepEqualTo(new double[][] {
                        {0, 0, 0, 0, 0}, {0, 1, 0, 0, 2}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 3, 0, 0, 4}
                    });
        }

        @Test
        @DisplayName("a window of negative cells routes to its largest, not to a cell holding 0")
        void negatives() {
            assertThat(MaxPooling.backward(new double[][] {{-5, -3}, {-4, -9}}, new double[][] {{2}}, 2, 2))
                    .isDeepEqualTo(new double[][] {{0, 2}, {0, 0}});
        }

        @Test
        @DisplayName("bad arguments")
        void badArguments() {
            rejects(() -> MaxPooling.backward(new double[5][5], new double[2][2], 2, 2), "2x2", "3x3");
            rejects(() -> MaxPooling.backward(new double[5][5], new double[3][3], 0, 2), "size", "0");
            rejects(() -> MaxPooling.backward(new double[5][5], new double[3][3], 2, 0), "stride", "0");
            rejects(() -> MaxPooling.backward(new double[5][5], null, 2, 2), "outputGradient", "null");
            rejects(() -> MaxPooling.backward(new double[2][5][5], new double[1][3][3], 2, 2), "1 maps", "2");
            rejects(() -> MaxPooling.backward(new double[1][5][5], new double[1][2][3], 2, 2), "2x3", "3x3");
        }
    }

    @Nested
    @DisplayName("Flattening, FullConnection, Softmax")
    class OtherSteps {
        @Test
        @DisplayName("unflatten: bad sizes and lengths, with the sizes seen")
        void unflattenBadArguments() {
            rejects(() -> Flattening.unflatten(new double[12], 2, 2, 2), "12", "8");
            rejects(() -> Flattening.unflatten(new double[4], 0, 2, 2), "maps", "0");
            rejects(() -> Flattening.unflatten(new double[4], 0, 2), "rows", "0");
            rejects(() -> Flattening.unflatten(new double[4], 2, -2), "cols", "-2");
            rejects(() -> Flattening.unflatten(null, 1, 1), "vector", "null");
            rejects(() -> Flattening.unflatten(new double[0], 1, 1), "empty");
            rejects(() -> Flattening.unflatten(new double[4], 65536, 65536, 65536), "4");
        }

        @Test
        @DisplayName("the dense weight gradient is [output][input], not transposed")
        void weightGradientShape() {
            double[][] dw = FullConnection.weightGradient(new double[] {1, 2, 3}, new double[] {10, 20});
            assertThat(dw).isDeepEqualTo(new double[][] {{10, 20, 30}, {20, 40, 60}});
        }

        @Test
        @DisplayName("full connection: bad arguments")
        void fullConnectionBadArguments() {
            rejects(() -> FullConnection.inputGradient(new double[2][3], new double[3]), "3", "2 rows");
            rejects(() -> FullConnection.inputGradient(new double[][] {{1}, {1, 2}}, new double[2]), "ragged");
            rejects(() -> FullConnection.inputGradient(new double[2][3], null), "outputGradient", "null");
            rejects(() -> FullConnection.weightGradient(new double[0], new double[2]), "input", "empty");
            rejects(() -> FullConnection.weightGradient(new double[2], null), "outputGradient", "null");
            rejects(() -> FullConnection.biasGradient(new double[0]), "empty");
        }

        @Test
        @DisplayName("softmax: the gradient sums to 0 (probabilities sum to 1); huge scores give no NaN")
        void softmax() {
            double[] d = Softmax.backward(new double[] {800, -800, 799}, new double[] {1, 2, -3});
            assertThat(d).doesNotContain(Double.NaN);
            assertThat(d[0] + d[1] + d[2]).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
            rejects(() -> Softmax.backward(new double[2], new double[3]), "2", "3");
            rejects(() -> Softmax.backward(new double[] {Double.NaN}, new double[1]), "NaN");
            rejects(() -> Softmax.backward(null, new double[1]), "scores", "null");
        }
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                out[r][c] = a[r][c] + b[r][c];
            }
        }
        return out;
    }
}
