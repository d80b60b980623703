package cnnkit.hidden;

import cnn.Convolution;
import cnnkit.hidden.support.BackwardOracle;
import cnnkit.hidden.support.BackwardWrongOracles;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Numeric;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.Student;
import cnnkit.lecture.LectureData;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Back 1, the convolution's backward pass: each output cell's gradient flows back to the image
 * cells it covered times the detector cell laid on each (not turned), and to each detector cell times the image
 * cell it met; the stride places the positions, the padding's cells are dropped; a layer adds its filters' image
 * gradients per channel and sums each filter's map for its bias.
 */
@DisplayName("Back 1 — Convolution backward")
class ConvolutionBackwardHiddenTest {
    private static final double[][] IMAGE_6X5 = {
        {1, 0, 2, -1, 3}, {0, 4, 1, 2, -2}, {3, -1, 0, 1, 1}, {2, 2, -3, 0, 1}, {-1, 1, 2, 3, 0}, {0, 3, 1, -2, 2}
    };
    private static final double[][] DETECTOR_3X2 = {{1, -1}, {2, 0}, {0, 3}};
    private static final double[][] DETECTOR_2X2 = {{2, -1}, {0, 3}};

    /** A gradient of the forward output's shape: whole numbers that differ from cell to cell. */
    private static double[][] gradientFor(double[][] image, double[][] k, int stride, int padding) {
        double[][] shape = Oracle.convolve(image, k, stride, padding);
        return Gen.seeded(shape.length * 31L + shape[0].length, shape.length, shape[0].length);
    }

    private static void expectGradients(double[][] image, double[][] k, double[][] g, int stride, int padding) {
        expectImageGradient(image, k, g, stride, padding);
        Expect.given("image", image, "featureDetector", k, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(
                        BackwardOracle.detectorGradient(image, k, g, stride, padding),
                        BackwardWrongOracles.detectorGradient(image, k, g, stride, padding))
                .check(() -> Convolution.detectorGradient(image, k, g, stride, padding));
    }

    private static void expectImageGradient(double[][] image, double[][] k, double[][] g, int stride, int padding) {
        Expect.given("image", image, "featureDetector", k, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(
                        BackwardOracle.imageGradient(image, k, g, stride, padding),
                        BackwardWrongOracles.imageGradient(image, k, g, stride, padding))
                .check(() -> Convolution.imageGradient(image, k, g, stride, padding));
    }

    private static void expectLayer(double[][][] input, double[][][][] filters, int stride, int padding) {
        double[][][] shape = Oracle.convolve(input, filters, new double[filters.length], stride, padding);
        double[][][] g = Gen.seeded(7, shape.length, shape[0].length, shape[0][0].length);
        Expect.given("input", input, "filters", filters, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(
                        BackwardOracle.inputGradient(input, filters, g, stride, padding),
                        BackwardWrongOracles.inputGradient(input, filters, g, stride, padding))
                .check(() -> Convolution.inputGradient(input, filters, g, stride, padding));
        Expect.given("input", input, "filters", filters, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(
                        BackwardOracle.filterGradient(input, filters, g, stride, padding),
                        BackwardWrongOracles.filterGradient(input, filters, g, stride, padding))
                .check(() -> Convolution.filterGradient(input, filters, g, stride, padding));
        Expect.given("outputGradient", g)
                .expecting(BackwardOracle.biasGradient(g), BackwardWrongOracles.biasGradient(g))
                .check(() -> Convolution.biasGradient(g));
    }

    @Nested
    @DisplayName("fixed vectors")
    class FixedVectors {
        @Test
        @DisplayName("the lecture's 7x7 image and 3x3 detector, its 5x5 feature map as the output gradient")
        void lectureExample() {
            expectGradients(LectureData.image(), LectureData.featureDetector(), LectureData.featureMap(), 1, 0);
        }

        @Test
        @DisplayName("a rectangular 6x5 image and 3x2 detector, stride 1, no padding")
        void rectangularImageAndDetector() {
            expectGradients(IMAGE_6X5, DETECTOR_3X2, gradientFor(IMAGE_6X5, DETECTOR_3X2, 1, 0), 1, 0);
        }

        @Test
        @DisplayName("stride 2: the positions are 2 cells apart, so some image cells get the gradient of one only")
        void strideTwo() {
            expectGradients(IMAGE_6X5, DETECTOR_2X2, gradientFor(IMAGE_6X5, DETECTOR_2X2, 2, 0), 2, 0);
        }

        @Test
        @DisplayName("stride 3 with a 2x2 detector: image cells no position covers get 0")
        void strideLargerThanDetector() {
            expectGradients(IMAGE_6X5, DETECTOR_2X2, gradientFor(IMAGE_6X5, DETECTOR_2X2, 3, 0), 3, 0);
        }

        @Test
        @DisplayName("padding 1: the result has the image's shape, the padding's cells are dropped")
        void paddingOne() {
            expectGradients(IMAGE_6X5, DETECTOR_3X2, gradientFor(IMAGE_6X5, DETECTOR_3X2, 1, 1), 1, 1);
        }

        @Test
        @DisplayName("stride 2 and padding 2 on the rectangular image")
        void strideAndPadding() {
            expectGradients(IMAGE_6X5, DETECTOR_3X2, gradientFor(IMAGE_6X5, DETECTOR_3X2, 2, 2), 2, 2);
        }

        @Test
        @DisplayName("a detector that fits only with padding (3x3 on a 2x2 image, padding 1)")
        void detectorFitsOnlyWithPadding() {
            double[][] image = {{1, -2}, {3, 4}};
            double[][] k = {{0, 1, 2}, {-1, 0, 1}, {3, 0, -2}};
            expectGradients(image, k, gradientFor(image, k, 1, 1), 1, 1);
        }

        @Test
        @DisplayName("a layer of 3 filters over 2 channels, padding 1: per channel the filters' gradients add up")
        void layerWithPadding() {
            expectLayer(new double[][][] {IMAGE_6X5, cut(LectureData.image())}, filters(), 1, 1);
        }

        @Test
        @DisplayName("the same layer with stride 2 and no padding")
        void layerWithStride() {
            expectLayer(new double[][][] {IMAGE_6X5, cut(LectureData.image())}, filters(), 2, 0);
        }

        @Test
        @DisplayName("the bias gradient sums each filter's output gradient over its whole map")
        void biasGradientSums() {
            double[][][] g = {{{1, 2, 3}, {4, 5, 6}}, {{-1, 0.5, 0}, {2, -3, 1}}};
            Expect.given("outputGradient", g)
                    .expecting(new double[] {21, -0.5}, BackwardWrongOracles.biasGradient(g))
                    .check(() -> Convolution.biasGradient(g));
        }

        /** The lecture's 7x7 image cut to the 6x5 of the other channel. */
        private double[][] cut(double[][] image) {
            double[][] out = new double[6][];
            for (int r = 0; r < 6; r++) {
                out[r] = java.util.Arrays.copyOf(image[r], 5);
            }
            return out;
        }

        private double[][][][] filters() {
            return new double[][][][] {
                {DETECTOR_3X2, {{0, 1}, {1, 0}, {-1, 2}}},
                {{{1, 1}, {1, 1}, {1, 1}}, {{2, 0}, {0, -2}, {1, 1}}},
                {{{-1, 0}, {3, 1}, {0, 0}}, DETECTOR_3X2}
            };
        }
    }

    @HiddenProperty
    @Label("on random images, detectors, strides and paddings the image gradient is the slope of your convolution")
    void imageGradientIsTheSlopeOfYourConvolution(
            @ForAll("images") double[][] image,
            @ForAll("detectors") double[][] k,
            @ForAll @IntRange(min = 1, max = 3) int stride,
            @ForAll @IntRange(min = 0, max = 2) int padding,
            @ForAll long seed) {
        if (k.length > image.length + 2 * padding || k[0].length > image[0].length + 2 * padding) {
            return;
        }
        double[][] g = gradientFor(image, k, stride, padding, seed);
        double[][] slope =
                Numeric.gradient(x -> Student.call(() -> Convolution.convolve(x, k, stride, padding)), image, g, 1);
        Expect.given("image", image, "featureDetector", k, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(slope, BackwardWrongOracles.imageGradient(image, k, g, stride, padding))
                .check(() -> Convolution.imageGradient(image, k, g, stride, padding));
    }

    @HiddenProperty
    @Label("on random inputs both gradients are the slopes of the right convolution (central differences)")
    void gradientsAreTheSlopesOfTheConvolution(
            @ForAll("images") double[][] image,
            @ForAll("detectors") double[][] k,
            @ForAll @IntRange(min = 1, max = 3) int stride,
            @ForAll @IntRange(min = 0, max = 2) int padding,
            @ForAll long seed) {
        if (k.length > image.length + 2 * padding || k[0].length > image[0].length + 2 * padding) {
            return;
        }
        double[][] g = gradientFor(image, k, stride, padding, seed);
        Expect.given("image", image, "featureDetector", k, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(
                        Numeric.gradient(x -> Oracle.convolve(x, k, stride, padding), image, g, 1),
                        BackwardWrongOracles.imageGradient(image, k, g, stride, padding))
                .check(() -> Convolution.imageGradient(image, k, g, stride, padding));
        Expect.given("image", image, "featureDetector", k, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(
                        Numeric.gradient(x -> Oracle.convolve(image, x, stride, padding), k, g, 1),
                        BackwardWrongOracles.detectorGradient(image, k, g, stride, padding))
                .check(() -> Convolution.detectorGradient(image, k, g, stride, padding));
    }

    @HiddenProperty
    @Label("on random inputs the detector gradient is the slope of your convolution")
    void detectorGradientIsTheSlopeOfYourConvolution(
            @ForAll("images") double[][] image,
            @ForAll("detectors") double[][] k,
            @ForAll @IntRange(min = 1, max = 3) int stride,
            @ForAll @IntRange(min = 0, max = 2) int padding,
            @ForAll long seed) {
        if (k.length > image.length + 2 * padding || k[0].length > image[0].length + 2 * padding) {
            return;
        }
        double[][] g = gradientFor(image, k, stride, padding, seed);
        double[][] slope =
                Numeric.gradient(x -> Student.call(() -> Convolution.convolve(image, x, stride, padding)), k, g, 1);
        Expect.given("image", image, "featureDetector", k, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(slope, BackwardWrongOracles.detectorGradient(image, k, g, stride, padding))
                .check(() -> Convolution.detectorGradient(image, k, g, stride, padding));
    }

    @HiddenProperty
    @Label("on random layers the input, filter and bias gradients are the slopes of your layer")
    void layerGradientsAreTheSlopesOfYourLayer(
            @ForAll("stacks") double[][][] input,
            @ForAll @IntRange(min = 1, max = 3) int filterCount,
            @ForAll @IntRange(min = 1, max = 2) int stride,
            @ForAll @IntRange(min = 0, max = 1) int padding,
            @ForAll long seed) {
        int kh = Math.min(2, input[0].length + 2 * padding);
        int kw = Math.min(3, input[0][0].length + 2 * padding);
        double[][][][] filters = new double[filterCount][][][];
        for (int f = 0; f < filterCount; f++) {
            filters[f] = Gen.seeded(seed + f, input.length, kh, kw);
        }
        double[] bias = Gen.seeded(seed - 1, 1, filterCount)[0];
        double[][][] shape = Oracle.convolve(input, filters, bias, stride, padding);
        double[][][] g = Gen.seeded(seed ^ 0x5DEECE66DL, shape.length, shape[0].length, shape[0][0].length);
        Expect.given("input", input, "filters", filters, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(Numeric.gradient(
                        x -> Student.call(() -> Convolution.convolve(x, filters, bias, stride, padding)), input, g, 1))
                .check(() -> Convolution.inputGradient(input, filters, g, stride, padding));
        Expect.given("input", input, "filters", filters, "outputGradient", g, "stride", stride, "padding", padding)
                .expecting(Numeric.gradient(
                        x -> Student.call(() -> Convolution.convolve(input, x, bias, stride, padding)), filters, g, 1))
                .check(() -> Convolution.filterGradient(input, filters, g, stride, padding));
        Expect.given("outputGradient", g)
                .expecting(
                        Numeric.gradient(
                                x -> Student.call(() -> Convolution.convolve(input, filters, x, stride, padding)),
                                bias,
                                g,
                                1),
                        BackwardWrongOracles.biasGradient(g))
                .check(() -> Convolution.biasGradient(g));
    }

    private static double[][] gradientFor(double[][] image, double[][] k, int stride, int padding, long seed) {
        double[][] shape = Oracle.convolve(image, k, stride, padding);
        return Gen.seeded(seed, shape.length, shape[0].length);
    }

    @Nested
    @DisplayName("bad arguments")
    class BadArguments {
        private final double[][] image = IMAGE_6X5;
        private final double[][] k = DETECTOR_3X2;
        private final double[][] g = gradientFor(IMAGE_6X5, DETECTOR_3X2, 1, 0);

        @Test
        @DisplayName("a null, empty or ragged output gradient is rejected with IllegalArgumentException")
        void rejectsBadGradient() {
            double[][] ragged = {{1, 2, 3, 4}, {1}, {1, 2, 3, 4}, {1, 2, 3, 4}};
            for (double[][] bad : new double[][][] {null, new double[0][], new double[4][0], ragged}) {
                Expect.given("image", image, "featureDetector", k, "outputGradient", bad)
                        .rejects(
                                "the output gradient is null, empty or ragged",
                                () -> Convolution.imageGradient(image, k, bad, 1, 0));
                Expect.given("image", image, "featureDetector", k, "outputGradient", bad)
                        .rejects(
                                "the output gradient is null, empty or ragged",
                                () -> Convolution.detectorGradient(image, k, bad, 1, 0));
            }
        }

        @Test
        @DisplayName("an output gradient of another shape than the feature map is rejected")
        void rejectsGradientOfAnotherShape() {
            double[][] padded = gradientFor(image, k, 1, 1);
            Expect.given("image", image, "featureDetector", k, "outputGradient", padded, "padding", 0)
                    .rejects(
                            "the gradient is the shape of the padded map, not of this one",
                            () -> Convolution.imageGradient(image, k, padded, 1, 0));
            Expect.given("image", image, "featureDetector", k, "outputGradient", g, "stride", 2)
                    .rejects(
                            "the gradient is the shape of the stride-1 map",
                            () -> Convolution.detectorGradient(image, k, g, 2, 0));
        }

        @Test
        @DisplayName("the forward pass's bad arguments are rejected: null image or detector, stride 0, padding −1")
        void rejectsBadForwardArguments() {
            Expect.given("image", null).rejects("the image is null", () -> Convolution.imageGradient(null, k, g, 1, 0));
            Expect.given("featureDetector", null)
                    .rejects("the detector is null", () -> Convolution.detectorGradient(image, null, g, 1, 0));
            Expect.given("stride", 0).rejects("the stride is 0", () -> Convolution.imageGradient(image, k, g, 0, 0));
            Expect.given("padding", -1)
                    .rejects("the padding is -1", () -> Convolution.detectorGradient(image, k, g, 1, -1));
            double[][] big = new double[7][2];
            Expect.given("image", image, "featureDetector", big)
                    .rejects(
                            "the detector is larger than the image",
                            () -> Convolution.imageGradient(image, big, g, 1, 0));
        }

        @Test
        @DisplayName("a layer's output gradient with another number of maps or shape, or a bad bias gradient")
        void rejectsBadLayerGradients() {
            double[][][] input = {image};
            double[][][][] filters = {{k}, {k}};
            double[][][] oneMap = {g};
            Expect.given("input", input, "filters", filters, "outputGradient", oneMap)
                    .rejects(
                            "2 filters but 1 gradient map",
                            () -> Convolution.inputGradient(input, filters, oneMap, 1, 0));
            double[][][] wrongShape = {g, gradientFor(image, k, 1, 1)};
            Expect.given("input", input, "filters", filters, "outputGradient", wrongShape)
                    .rejects(
                            "the gradient maps have different shapes",
                            () -> Convolution.filterGradient(input, filters, wrongShape, 1, 0));
            double[][][][] channels = {{k, k}};
            double[][][] g1 = {g};
            Expect.given("input", input, "filters", channels, "outputGradient", g1)
                    .rejects(
                            "the filter has 2 channels, the input 1",
                            () -> Convolution.filterGradient(input, channels, g1, 1, 0));
            Expect.given("input", input, "filters", channels, "outputGradient", g1)
                    .rejects(
                            "the filter has 2 channels, the input 1",
                            () -> Convolution.inputGradient(input, channels, g1, 1, 0));
            Expect.given("outputGradient", null).rejects("the gradient is null", () -> Convolution.biasGradient(null));
            Expect.given("outputGradient", new double[0][][])
                    .rejects("the gradient has no maps", () -> Convolution.biasGradient(new double[0][][]));
            double[][][] ragged = {{{1, 2}, {3}}};
            Expect.given("outputGradient", ragged)
                    .rejects("the gradient map is ragged", () -> Convolution.biasGradient(ragged));
        }

        @Test
        @DisplayName("the arrays given to the five gradient methods are left unchanged")
        void leavesInputsUnchanged() {
            Expect.given("image", image, "featureDetector", k, "outputGradient", g)
                    .leavesInputsUnchanged(null, () -> Convolution.imageGradient(image, k, g, 1, 0));
            Expect.given("image", image, "featureDetector", k, "outputGradient", g)
                    .leavesInputsUnchanged(null, () -> Convolution.detectorGradient(image, k, g, 1, 0));
            double[][][] input = {image};
            double[][][][] filters = {{k}};
            double[][][] layerG = {g};
            Expect.given("input", input, "filters", filters, "outputGradient", layerG)
                    .leavesInputsUnchanged(null, () -> Convolution.inputGradient(input, filters, layerG, 1, 0));
            Expect.given("input", input, "filters", filters, "outputGradient", layerG)
                    .leavesInputsUnchanged(null, () -> Convolution.filterGradient(input, filters, layerG, 1, 0));
            Expect.given("outputGradient", layerG).leavesInputsUnchanged(null, () -> Convolution.biasGradient(layerG));
        }
    }

    @Provide
    Arbitrary<double[][]> images() {
        return Gen.matrix(1, 6);
    }

    @Provide
    Arbitrary<double[][]> detectors() {
        return Gen.matrix(1, 3);
    }

    @Provide
    Arbitrary<double[][][]> stacks() {
        return Gen.stack(1, 4);
    }
}
