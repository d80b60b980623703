package cnnkit.hidden;

import cnn.MaxPooling;
import cnnkit.hidden.support.BackwardOracle;
import cnnkit.hidden.support.BackwardWrongOracles;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Numeric;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.Student;
import cnnkit.lecture.LectureData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Back 2, max pooling's backward pass: each window's gradient goes to its largest cell only (on
 * ties the first in row-major order within the window), overlapping windows add up, and the windows are the
 * forward pass's (partial ones at the edges kept, none starting past the last cell).
 */
@DisplayName("Back 2 — Max pooling backward")
class MaxPoolingBackwardHiddenTest {
    private static final double[][] MAP_7X6 = {
        {1, 3, 0, -2, 4, 1},
        {2, 0, 5, 1, -1, 0},
        {0, 1, 2, 3, 1, 2},
        {-3, 2, 1, 0, 6, 1},
        {1, 1, 0, 2, 2, 3},
        {4, -1, 3, 0, 1, 0},
        {0, 2, 1, 5, -2, 1}
    };

    private static void expectBackward(double[][] map, double[][] g, int size, int stride) {
        Expect.given("featureMap", map, "outputGradient", g, "size", size, "stride", stride)
                .expecting(
                        BackwardOracle.poolBackward(map, g, size, stride),
                        BackwardWrongOracles.poolBackward(map, g, size, stride))
                .check(() -> MaxPooling.backward(map, g, size, stride));
    }

    /** The map with a gradient of its pooled map's shape, whole numbers 1, 2, 3, … so each window's is its own. */
    private static void expectBackward(double[][] map, int size, int stride) {
        double[][] pooled = Oracle.pool(map, size, stride);
        double[][] g = new double[pooled.length][pooled[0].length];
        for (int r = 0; r < g.length; r++) {
            for (int c = 0; c < g[0].length; c++) {
                g[r][c] = r * g[0].length + c + 1;
            }
        }
        expectBackward(map, g, size, stride);
    }

    @Nested
    @DisplayName("fixed vectors")
    class FixedVectors {
        @Test
        @DisplayName("the lecture's pooled map routed back (2x2, stride 2) through its 5x5 feature map")
        void lectureExample() {
            expectBackward(LectureData.featureMap(), LectureData.pooledMap(), 2, 2);
        }

        @Test
        @DisplayName("the lecture's rectified map, whose windows tie at 0: the first tied cell gets the gradient")
        void lectureRectifiedMapWithTies() {
            expectBackward(LectureData.rectifiedMap(), 2, 2);
        }

        @Test
        @DisplayName("ties within a window: the first largest cell in row-major order takes it all")
        void tiesGoToTheFirstInRowMajorOrder() {
            double[][] map = {{1, 3, 2, 2}, {3, 0, 2, 1}, {0, 0, -1, 4}, {0, 0, 4, 4}};
            double[][] g = {{10, 20}, {30, 40}};
            Expect.given("featureMap", map, "outputGradient", g, "size", 2, "stride", 2)
                    .expecting(
                            new double[][] {{0, 10, 20, 0}, {0, 0, 0, 0}, {30, 0, 0, 40}, {0, 0, 0, 0}},
                            BackwardWrongOracles.poolBackward(map, g, 2, 2))
                    .check(() -> MaxPooling.backward(map, g, 2, 2));
        }

        @Test
        @DisplayName("overlapping windows (3x3, stride 1): a cell that wins several windows gets their sum")
        void overlappingWindowsAddUp() {
            expectBackward(MAP_7X6, 3, 1);
        }

        @Test
        @DisplayName("3x3 windows with stride 2 overlap by one row and column, the last ones partial")
        void sizeThreeStrideTwo() {
            expectBackward(MAP_7X6, 3, 2);
        }

        @Test
        @DisplayName("2x2 windows with stride 2 on a 7x6 map: the bottom row of partial windows is kept")
        void partialWindowsKept() {
            expectBackward(MAP_7X6, 2, 2);
        }

        @Test
        @DisplayName("2x2 windows with stride 3: the cells between windows get 0")
        void strideLargerThanWindow() {
            expectBackward(MAP_7X6, 2, 3);
        }

        @Test
        @DisplayName("a map smaller than the window: one window, its largest cell gets the gradient")
        void mapSmallerThanTheWindow() {
            expectBackward(new double[][] {{1, -2, 3}, {0, 5, -1}}, 4, 2);
        }

        @Test
        @DisplayName("a map of negative cells: the largest (negative) cell wins, not a cell of 0")
        void negativeMap() {
            expectBackward(new double[][] {{-1, -2, -5}, {-3, -4, -6}, {-7, -0.5, -8}}, 2, 2);
        }

        @Test
        @DisplayName("a stack of maps: map by map, each with its own gradient")
        void stackOfMaps() {
            double[][][] maps = {LectureData.featureMap(), LectureData.rectifiedMap()};
            double[][][] g = Gen.seeded(11, 2, 2, 2);
            Expect.given("featureMaps", maps, "outputGradients", g, "size", 3, "stride", 2)
                    .expecting(
                            BackwardOracle.poolBackward(maps, g, 3, 2),
                            BackwardWrongOracles.poolBackward(maps, g, 3, 2))
                    .check(() -> MaxPooling.backward(maps, g, 3, 2));
        }
    }

    @HiddenProperty
    @Label("on random maps without ties the gradient is the slope of your pooling and of the right one")
    void theGradientIsTheSlopeOfPooling(
            @ForAll @IntRange(min = 1, max = 7) int rows,
            @ForAll @IntRange(min = 1, max = 7) int cols,
            @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = 1, max = 4) int stride,
            @ForAll long seed) {
        double[][] map = distinct(rows, cols, seed);
        double[][] pooled = Oracle.pool(map, size, stride);
        double[][] g = Gen.seeded(seed, pooled.length, pooled[0].length);
        Expect.given("featureMap", map, "outputGradient", g, "size", size, "stride", stride)
                .expecting(
                        Numeric.gradient(x -> Student.call(() -> MaxPooling.pool(x, size, stride)), map, g, 0.25),
                        BackwardWrongOracles.poolBackward(map, g, size, stride))
                .check(() -> MaxPooling.backward(map, g, size, stride));
        Expect.given("featureMap", map, "outputGradient", g, "size", size, "stride", stride)
                .expecting(
                        Numeric.gradient(x -> Oracle.pool(x, size, stride), map, g, 0.25),
                        BackwardWrongOracles.poolBackward(map, g, size, stride))
                .check(() -> MaxPooling.backward(map, g, size, stride));
    }

    @HiddenProperty
    @Label("on random maps full of ties each window's gradient goes to its first largest cell")
    void tiesGoToTheFirstLargestCell(
            @ForAll("maps") double[][] map,
            @ForAll @IntRange(min = 1, max = 4) int size,
            @ForAll @IntRange(min = 1, max = 4) int stride,
            @ForAll long seed) {
        double[][] pooled = Oracle.pool(map, size, stride);
        expectBackward(map, Gen.seeded(seed, pooled.length, pooled[0].length), size, stride);
    }

    @HiddenProperty
    @Label("a stack of random maps is done map by map")
    void aStackIsDoneMapByMap(
            @ForAll("stacks") double[][][] maps,
            @ForAll @IntRange(min = 1, max = 3) int size,
            @ForAll @IntRange(min = 1, max = 3) int stride,
            @ForAll long seed) {
        double[][][] pooled = Oracle.pool(maps, size, stride);
        double[][][] g = Gen.seeded(seed, maps.length, pooled[0].length, pooled[0][0].length);
        Expect.given("featureMaps", maps, "outputGradients", g, "size", size, "stride", stride)
                .expecting(
                        BackwardOracle.poolBackward(maps, g, size, stride),
                        BackwardWrongOracles.poolBackward(maps, g, size, stride))
                .check(() -> MaxPooling.backward(maps, g, size, stride));
    }

    /** A rows x cols map holding 0 … rows·cols − 1 once each, shuffled: no ties, neighbours at least 1 apart. */
    private static double[][] distinct(int rows, int cols, long seed) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < rows * cols; i++) {
            values.add(i);
        }
        Collections.shuffle(values, new Random(seed));
        double[][] map = new double[rows][cols];
        for (int i = 0; i < values.size(); i++) {
            map[i / cols][i % cols] = values.get(i);
        }
        return map;
    }

    @Nested
    @DisplayName("bad arguments")
    class BadArguments {
        @Test
        @DisplayName("a gradient of another shape than the pooled map is rejected with IllegalArgumentException")
        void rejectsGradientOfAnotherShape() {
            double[][] map = LectureData.featureMap();
            double[][] g = new double[2][2];
            Expect.given("featureMap", map, "outputGradient", g, "size", 2, "stride", 2)
                    .rejects(
                            "the pooled map is 3x3 (partial windows kept), the gradient 2x2",
                            () -> MaxPooling.backward(map, g, 2, 2));
            double[][][] maps = {map, map};
            double[][][] gs = {LectureData.pooledMap()};
            Expect.given("featureMaps", maps, "outputGradients", gs, "size", 2, "stride", 2)
                    .rejects("2 maps but 1 gradient", () -> MaxPooling.backward(maps, gs, 2, 2));
        }

        @Test
        @DisplayName("null, empty or ragged maps, and a size or stride below 1, are rejected")
        void rejectsBadArguments() {
            double[][] map = LectureData.featureMap();
            double[][] g = LectureData.pooledMap();
            Expect.given("featureMap", null).rejects("the map is null", () -> MaxPooling.backward(null, g, 2, 2));
            Expect.given("outputGradient", null)
                    .rejects("the gradient is null", () -> MaxPooling.backward(map, null, 2, 2));
            double[][] ragged = {{1, 2}, {3}};
            Expect.given("featureMap", ragged).rejects("the map is ragged", () -> MaxPooling.backward(ragged, g, 2, 2));
            Expect.given("size", 0).rejects("the window size is 0", () -> MaxPooling.backward(map, g, 0, 2));
            Expect.given("stride", 0).rejects("the stride is 0", () -> MaxPooling.backward(map, g, 2, 0));
            Expect.given("featureMaps", new double[0][][])
                    .rejects(
                            "the stack is empty",
                            () -> MaxPooling.backward(new double[0][][], new double[0][][], 2, 2));
            double[][][] shapes = {{{1, 2}}, {{1, 2}, {3, 4}}};
            double[][][] gradients = {{{5}}, {{6}}};
            Expect.given("featureMaps", shapes, "outputGradients", gradients)
                    .rejects("the maps have different shapes", () -> MaxPooling.backward(shapes, gradients, 2, 2));
            double[][][] maps = {map};
            Expect.given("featureMaps", maps, "outputGradients", null)
                    .rejects("the gradients are null", () -> MaxPooling.backward(maps, null, 2, 2));
        }

        @Test
        @DisplayName("the map and the gradient are left unchanged")
        void leavesInputsUnchanged() {
            double[][] map = LectureData.featureMap();
            double[][] g = LectureData.pooledMap();
            Expect.given("featureMap", map, "outputGradient", g)
                    .leavesInputsUnchanged(null, () -> MaxPooling.backward(map, g, 2, 2));
            double[][][] maps = {map};
            double[][][] gs = {g};
            Expect.given("featureMaps", maps, "outputGradients", gs)
                    .leavesInputsUnchanged(null, () -> MaxPooling.backward(maps, gs, 2, 2));
        }
    }

    @Provide
    Arbitrary<double[][]> maps() {
        return Gen.matrix(1, 7);
    }

    @Provide
    Arbitrary<double[][][]> stacks() {
        return Gen.stack(1, 5);
    }
}
