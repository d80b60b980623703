package cnnkit.hidden;

import cnn.Convolution;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.WrongOracles;
import cnnkit.lecture.LectureData;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Step 1, Convolution: the detector laid on the image as it is (not flipped), "valid" output
 * without padding, stride and zero padding on every side, and the multi-channel layer with one bias per filter.
 */
@DisplayName("Step 1 — Convolution")
class ConvolutionHiddenTest {
    private static final double[][] IMAGE_6X5 = {
        {1, 0, 2, -1, 3}, {0, 4, 1, 2, -2}, {3, -1, 0, 1, 1}, {2, 2, -3, 0, 1}, {-1, 1, 2, 3, 0}, {0, 3, 1, -2, 2}
    };
    private static final double[][] DETECTOR_3X2 = {{1, -1}, {2, 0}, {0, 3}};
    private static final double[][] DETECTOR_3X3 = {{0, 1, 2}, {-1, 0, 1}, {3, 0, -2}};

    /** Checks the 4-argument convolution on one image against the oracle and the catalogue's wrong oracles. */
    private static void expectConvolution(double[][] image, double[][] k, int stride, int padding) {
        Expect.given("image", image, "featureDetector", k, "stride", stride, "padding", padding)
                .expecting(Oracle.convolve(image, k, stride, padding), WrongOracles.convolve(image, k, stride, padding))
                .check(() -> Convolution.convolve(image, k, stride, padding));
    }

    /** Checks the 2-argument convolution (stride 1, no padding) against the oracle and the wrong oracles. */
    private static void expectConvolution(double[][] image, String detectorLabel, double[][] k) {
        Expect.given("image", image, detectorLabel, k)
                .expecting(Oracle.convolve(image, k, 1, 0), WrongOracles.convolve(image, k, 1, 0))
                .check(() -> Convolution.convolve(image, k));
    }

    private static void expectLayer(
            double[][][] input, double[][][][] filters, double[] bias, int stride, int padding) {
        Expect.given("input", input, "filters", filters, "bias", bias, "stride", stride, "padding", padding)
                .expecting(
                        Oracle.convolve(input, filters, bias, stride, padding),
                        WrongOracles.convolve(input, filters, bias, stride, padding))
                .check(() -> Convolution.convolve(input, filters, bias, stride, padding));
    }

    @Test
    @DisplayName("the lecture's 7x7 image and 3x3 feature detector give the 5x5 feature map")
    void lectureExample() {
        double[][] image = LectureData.image();
        double[][] k = LectureData.featureDetector();
        Expect.given("image", image, "featureDetector", k)
                .expecting(LectureData.featureMap(), WrongOracles.convolve(image, k, 1, 0))
                .check(() -> Convolution.convolve(image, k));
    }

    @Test
    @DisplayName("the lecture's image with stride 1 and padding 0 in the 4-argument version gives the same map")
    void lectureExampleWithStrideOneNoPadding() {
        expectConvolution(LectureData.image(), LectureData.featureDetector(), 1, 0);
    }

    @Test
    @DisplayName("the lecture's image filters (sharpen, edge detect, …) on the lecture's image")
    void lectureImageFilters() {
        for (String name : LectureData.filterNames()) {
            double[][] image = LectureData.image();
            double[][] k = LectureData.filter(name);
            expectConvolution(image, "featureDetector (" + name + ")", k);
        }
    }

    @Test
    @DisplayName("a rectangular 6x5 image with a rectangular 3x2 detector gives a 4x4 map")
    void rectangularImageAndDetector() {
        double[][] k = DETECTOR_3X2;
        expectConvolution(IMAGE_6X5, "featureDetector", k);
    }

    @Test
    @DisplayName("a detector as large as the image gives a single cell")
    void detectorAsLargeAsTheImage() {
        double[][] image = {{1, 2}, {3, 4}, {5, 6}};
        double[][] k = {{1, -1}, {0, 2}, {-2, 1}};
        expectConvolution(image, "featureDetector", k);
    }

    @Test
    @DisplayName("stride 2 on the lecture's image: the detector moves 2 cells at a time (3x3 map)")
    void strideTwo() {
        expectConvolution(LectureData.image(), DETECTOR_3X3, 2, 0);
    }

    @Test
    @DisplayName("stride 3, larger than the 2x2 detector, on a 7x7 image: some cells are never covered")
    void strideLargerThanDetector() {
        expectConvolution(LectureData.image(), new double[][] {{1, 2}, {3, -1}}, 3, 0);
    }

    @Test
    @DisplayName("padding 1 around a 5x5 map: a 3x3 detector keeps the size 5x5")
    void paddingOne() {
        double[][] image = {{1, 2, 0, -1, 3}, {0, 1, 2, 2, 1}, {3, 0, -1, 1, 0}, {1, 1, 1, 0, 2}, {-2, 0, 3, 1, 1}};
        expectConvolution(image, DETECTOR_3X3, 1, 1);
    }

    @Test
    @DisplayName("padding 2 with stride 2 on a rectangular 6x5 image and a 3x2 detector")
    void strideAndPaddingRectangular() {
        expectConvolution(IMAGE_6X5, DETECTOR_3X2, 2, 2);
    }

    @Test
    @DisplayName("stride 2 and padding 1 on a 6x5 image with a 3x3 detector (output floor((n + 2p − k) / s) + 1)")
    void strideTwoPaddingOne() {
        expectConvolution(IMAGE_6X5, DETECTOR_3X3, 2, 1);
    }

    @Test
    @DisplayName("a detector larger than the image is fine once the padding makes room for it")
    void detectorFitsOnlyWithPadding() {
        expectConvolution(new double[][] {{2, -1}, {1, 3}}, DETECTOR_3X3, 1, 1);
    }

    @Test
    @DisplayName("a layer: 2 input channels, 3 filters with a bias each, padding 1")
    void layerWithBias() {
        double[][][] input = {
            {{1, 0, 2, 1}, {0, 1, -1, 2}, {3, 1, 0, 0}, {1, -2, 1, 1}},
            {{0, 2, 1, 0}, {1, 1, 0, -1}, {2, 0, 1, 3}, {0, 1, 2, 1}}
        };
        double[][][][] filters = {
            {{{1, 0, -1}, {0, 1, 0}, {2, 0, 1}}, {{0, 1, 0}, {1, -1, 1}, {0, 1, 0}}},
            {{{0, 0, 1}, {1, 0, 0}, {0, 1, 1}}, {{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}}},
            {{{2, 0, 0}, {0, 0, 0}, {0, 0, -2}}, {{0, 0, 0}, {0, 3, 0}, {0, 0, 0}}}
        };
        expectLayer(input, filters, new double[] {0.5, -1, 2}, 1, 1);
    }

    @Test
    @DisplayName("a layer with stride 2: 3 channels of 5x5, 2 filters of 2x3, no padding")
    void layerWithStride() {
        double[][][] input5x5 = {crop(IMAGE_6X5), crop(Oracle.relu(IMAGE_6X5)), LectureData.featureMap()};
        double[][][][] filters = {
            {{{1, 0, 2}, {0, -1, 1}}, {{0, 1, 0}, {1, 0, 1}}, {{2, 0, 0}, {0, 0, -1}}},
            {{{0, 0, 1}, {1, 1, 0}}, {{-1, 0, 1}, {0, 2, 0}}, {{1, 1, 1}, {1, 1, 1}}}
        };
        expectLayer(input5x5, filters, new double[] {-0.25, 1.5}, 2, 0);
    }

    /** The first 5 rows. */
    private static double[][] crop(double[][] m) {
        return java.util.Arrays.copyOf(m, 5);
    }

    @HiddenProperty
    @Label("on random images, detectors, strides and paddings: the detector slid over the zero-padded image")
    void convolutionSlidesTheDetectorOverThePaddedImage(
            @ForAll("images") double[][] image,
            @ForAll("detectors") double[][] k,
            @ForAll @IntRange(min = 1, max = 3) int stride,
            @ForAll @IntRange(min = 0, max = 2) int padding) {
        Assume.that(k.length <= image.length + 2 * padding && k[0].length <= image[0].length + 2 * padding);
        expectConvolution(image, k, stride, padding);
    }

    @HiddenProperty
    @Label("a detector that is 0 except for a single 1 copies a window of the image, unflipped")
    void aSingleOneDetectorCopiesTheImageUnflipped(
            @ForAll("images") double[][] image,
            @ForAll @IntRange(min = 1, max = 3) int kh,
            @ForAll @IntRange(min = 1, max = 3) int kw,
            @ForAll @IntRange(min = 0, max = 8) int where) {
        Assume.that(kh <= image.length && kw <= image[0].length);
        double[][] k = new double[kh][kw];
        k[(where / kw) % kh][where % kw] = 1;
        expectConvolution(image, "featureDetector", k);
    }

    @HiddenProperty
    @Label("a layer's output is, per filter, the sum of its channels' convolutions plus the filter's bias")
    void aLayerSumsItsChannelsAndAddsTheBias(
            @ForAll("stacks") double[][][] input,
            @ForAll @IntRange(min = 1, max = 3) int filterCount,
            @ForAll @IntRange(min = 1, max = 2) int stride,
            @ForAll @IntRange(min = 0, max = 1) int padding,
            @ForAll("detectors") double[][] shape) {
        Assume.that(
                shape.length <= input[0].length + 2 * padding && shape[0].length <= input[0][0].length + 2 * padding);
        double[][][][] filters = new double[filterCount][input.length][][];
        double[] bias = new double[filterCount];
        for (int f = 0; f < filterCount; f++) {
            bias[f] = f - 0.5;
            for (int c = 0; c < input.length; c++) {
                filters[f][c] = Oracle.add(shape, f - c); // different kernels per filter and channel
            }
        }
        expectLayer(input, filters, bias, stride, padding);
    }

    @Test
    @DisplayName("null arguments are rejected with IllegalArgumentException")
    void rejectsNull() {
        double[][] k = {{1}};
        Expect.given("image", null, "featureDetector", k)
                .rejects("the image is null", () -> Convolution.convolve(null, k));
        Expect.given("image", k, "featureDetector", null)
                .rejects("the feature detector is null", () -> Convolution.convolve(k, null));
        Expect.given("image", null, "featureDetector", k, "stride", 1, "padding", 0)
                .rejects("the image is null", () -> Convolution.convolve(null, k, 1, 0));
        double[][][] input = {{{1}}};
        Expect.given("input", input, "filters", null, "bias", new double[] {0})
                .rejects("the filters are null", () -> Convolution.convolve(input, null, new double[] {0}, 1, 0));
        Expect.given("input", input, "filters", new double[][][][] {{{{1}}}}, "bias", null)
                .rejects(
                        "the bias is null",
                        () -> Convolution.convolve(input, new double[][][][] {{{{1}}}}, null, 1, 0));
    }

    @Test
    @DisplayName("empty images and detectors are rejected with IllegalArgumentException")
    void rejectsEmpty() {
        double[][] k = {{1}};
        Expect.given("image", new double[0][], "featureDetector", k)
                .rejects("the image has no rows", () -> Convolution.convolve(new double[0][], k));
        Expect.given("image", new double[3][0], "featureDetector", k)
                .rejects("the image has no columns", () -> Convolution.convolve(new double[3][0], k));
        Expect.given("image", k, "featureDetector", new double[0][])
                .rejects("the detector has no rows", () -> Convolution.convolve(k, new double[0][]));
        Expect.given("input", new double[0][][], "filters", new double[][][][] {{{{1}}}}, "bias", new double[] {0})
                .rejects(
                        "the input has no channels",
                        () -> Convolution.convolve(
                                new double[0][][], new double[][][][] {{{{1}}}}, new double[] {0}, 1, 0));
        double[][][] input = {{{1, 2}, {3, 4}}};
        Expect.given("input", input, "filters", new double[0][][][], "bias", new double[] {0})
                .rejects(
                        "there are no filters",
                        () -> Convolution.convolve(input, new double[0][][][], new double[] {0}, 1, 0));
    }

    @Test
    @DisplayName("ragged images and detectors (rows of different lengths) are rejected with IllegalArgumentException")
    void rejectsRagged() {
        double[][] ragged = {{1, 2, 3}, {4, 5}, {6, 7, 8}};
        double[][] k = {{1}};
        Expect.given("image", ragged, "featureDetector", k)
                .rejects("the image is ragged", () -> Convolution.convolve(ragged, k));
        Expect.given("image", LectureData.image(), "featureDetector", ragged)
                .rejects("the detector is ragged", () -> Convolution.convolve(LectureData.image(), ragged));
    }

    @Test
    @DisplayName("a stride below 1 is rejected with IllegalArgumentException")
    void rejectsStrideBelowOne() {
        double[][] image = LectureData.image();
        double[][] k = LectureData.featureDetector();
        Expect.given("image", image, "featureDetector", k, "stride", 0, "padding", 0)
                .rejects("the stride is 0", () -> Convolution.convolve(image, k, 0, 0));
        Expect.given("image", image, "featureDetector", k, "stride", -1, "padding", 0)
                .rejects("the stride is -1", () -> Convolution.convolve(image, k, -1, 0));
    }

    @Test
    @DisplayName("a negative padding is rejected with IllegalArgumentException")
    void rejectsNegativePadding() {
        double[][] image = LectureData.image();
        double[][] k = LectureData.featureDetector();
        Expect.given("image", image, "featureDetector", k, "stride", 1, "padding", -1)
                .rejects("the padding is -1", () -> Convolution.convolve(image, k, 1, -1));
    }

    @Test
    @DisplayName("a padding that would make a feature map of more than 2^26 cells is rejected with "
            + "IllegalArgumentException")
    void rejectsHugeFeatureMaps() {
        double[][] image = {{1}};
        double[][] k = {{1}};
        // 20 001 x 20 001 cells, about 3.2 GB of doubles
        Expect.given("image", image, "featureDetector", k, "stride", 1, "padding", 10_000)
                .rejects(
                        "the feature map would have 20001x20001 cells",
                        () -> Convolution.convolve(image, k, 1, 10_000));
        double[][][] input = {{{1}}};
        double[][][][] filters = {{{{1}}}};
        double[] bias = {0};
        Expect.given("input", input, "filters", filters, "bias", bias, "stride", 1, "padding", 10_000)
                .rejects(
                        "the feature map would have 20001x20001 cells",
                        () -> Convolution.convolve(input, filters, bias, 1, 10_000));
    }

    @Test
    @DisplayName("a detector larger than the (padded) image is rejected with IllegalArgumentException")
    void rejectsDetectorLargerThanImage() {
        double[][] image = {{1, 2}, {3, 4}};
        Expect.given("image", image, "featureDetector", DETECTOR_3X3)
                .rejects(
                        "the 3x3 detector is larger than the 2x2 image",
                        () -> Convolution.convolve(image, DETECTOR_3X3));
        double[][] tall = {{1}, {2}, {3}, {4}, {5}};
        Expect.given("image", image, "featureDetector", tall, "stride", 1, "padding", 1)
                .rejects(
                        "the 5x1 detector is taller than the padded 4x4 image",
                        () -> Convolution.convolve(image, tall, 1, 1));
    }

    @Test
    @DisplayName("a layer whose filters, channels or biases do not match is rejected with IllegalArgumentException")
    void rejectsMismatchedLayerShapes() {
        double[][][] input = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
        double[][][][] oneChannel = {{{{1}}}};
        double[][][][] twoChannels = {{{{1}}, {{2}}}};
        Expect.given("input", input, "filters", oneChannel, "bias", new double[] {0})
                .rejects(
                        "the filter has 1 channel but the input has 2",
                        () -> Convolution.convolve(input, oneChannel, new double[] {0}, 1, 0));
        Expect.given("input", input, "filters", twoChannels, "bias", new double[] {0, 1})
                .rejects(
                        "there are 2 biases for 1 filter",
                        () -> Convolution.convolve(input, twoChannels, new double[] {0, 1}, 1, 0));
        double[][][][] mixedKernels = {{{{1, 2}, {3, 4}}, {{1}}}};
        Expect.given("input", input, "filters", mixedKernels, "bias", new double[] {0})
                .rejects(
                        "the filter's kernels have different shapes (2x2 and 1x1)",
                        () -> Convolution.convolve(input, mixedKernels, new double[] {0}, 1, 0));
        double[][][] mixed = {{{1, 2}, {3, 4}}, {{5, 6, 7}, {8, 9, 10}}};
        Expect.given("input", mixed, "filters", twoChannels, "bias", new double[] {0})
                .rejects(
                        "the channels have different shapes (2x2 and 2x3)",
                        () -> Convolution.convolve(mixed, twoChannels, new double[] {0}, 1, 0));
    }

    @Test
    @DisplayName("a layer with stride < 1, negative padding or kernels larger than the padded input is rejected")
    void rejectsBadLayerGeometry() {
        double[][][] input = {{{1, 2}, {3, 4}}};
        double[][][][] filters = {{{{1, 0}, {0, 1}}}};
        double[][][][] large = {{DETECTOR_3X3}};
        double[] bias = {0};
        Expect.given("input", input, "filters", filters, "bias", bias, "stride", 0, "padding", 0)
                .rejects("the stride is 0", () -> Convolution.convolve(input, filters, bias, 0, 0));
        Expect.given("input", input, "filters", filters, "bias", bias, "stride", 1, "padding", -1)
                .rejects("the padding is -1", () -> Convolution.convolve(input, filters, bias, 1, -1));
        Expect.given("input", input, "filters", large, "bias", bias, "stride", 1, "padding", 0)
                .rejects(
                        "the 3x3 kernels are larger than the 2x2 input",
                        () -> Convolution.convolve(input, large, bias, 1, 0));
    }

    @Test
    @DisplayName("the image, detector, filters and bias given to convolve are left unchanged")
    void leavesInputsUnchanged() {
        double[][] image = LectureData.image();
        double[][] k = LectureData.featureDetector();
        Expect.given("image", image, "featureDetector", k, "stride", 2, "padding", 1)
                .leavesInputsUnchanged(null, () -> Convolution.convolve(image, k, 2, 1));
        double[][][] input = {image};
        double[][][][] filters = {{k}};
        double[] bias = {1};
        Expect.given("input", input, "filters", filters, "bias", bias)
                .leavesInputsUnchanged(null, () -> Convolution.convolve(input, filters, bias, 1, 1));
    }

    @Provide
    Arbitrary<double[][]> images() {
        return Gen.matrix(1, 7);
    }

    @Provide
    Arbitrary<double[][]> detectors() {
        return Gen.matrix(1, 3);
    }

    @Provide
    Arbitrary<double[][][]> stacks() {
        return Gen.stack(2, 5);
    }
}
